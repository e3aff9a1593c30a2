/** The IAM account summary: counts and quotas (one call). */
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { defineCollector } from '../types.js';

export const iamAccountSummary = defineCollector({
  id: 'iam.account-summary',
  async *collect(ctx) {
    const answer = await ctx
      .client(IAMClient)
      .send(new GetAccountSummaryCommand({}), { abortSignal: ctx.signal });
    const summary: Record<string, number> = {};
    for (const [key, value] of Object.entries(answer.SummaryMap ?? {})) {
      if (typeof value === 'number') summary[key] = value;
    }
    yield { region: 'global', summary };
  },
});
