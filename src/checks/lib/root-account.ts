/** The root-user checks: one account-wide finding read from one GetAccountSummary value. */
import type { CheckContext, FindingDraft } from '../types.js';
import type { Verdict } from './per-resource.js';

/**
 * `unknown` when the summary (or the value) was not collected; otherwise the rule's verdict,
 * with the raw value kept in the details.
 */
export function rootSummaryFinding(
  ctx: Pick<CheckContext, 'records' | 'snapshot'>,
  key: string,
  judge: (value: number, accountId: string) => Verdict,
): FindingDraft[] {
  const accountId = ctx.snapshot.metadata.accountId ?? 'account';
  const resource = {
    resourceId: accountId,
    resourceName: `AWS account ${accountId} (root)`,
    region: 'global',
  };
  const value = ctx.records('iam.account-summary')[0]?.summary[key];
  if (value === undefined) {
    return [
      {
        ...resource,
        status: 'unknown',
        message: {
          en: `Account ${accountId}: ${key} is missing from the account summary.`,
          ko: `계정 ${accountId}: 계정 요약에 ${key} 값이 없습니다.`,
        },
      },
    ];
  }
  // status, then details, then the rest: the key order these findings have always had.
  const { status, ...rest } = judge(value, accountId);
  return [{ ...resource, status, details: { [key]: value }, ...rest }];
}
