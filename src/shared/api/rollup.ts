import { z } from 'zod';
import { AdvisorRunSummary } from './advisor.js';
import { ScopeField } from './scope.js';

const Results = AdvisorRunSummary.shape.results.unwrap();

/** GET /api/dashboard/accounts — one page of the accounts in scope, sorted (default: worst first). */
export const AccountRollupQuery = z.object({
  scope: ScopeField,
  /** `risk`: lowest score first (accounts never evaluated last), then most open findings. */
  sort: z.enum(['risk', 'savings', 'open', 'name']).default('risk'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountRollupQuery = z.input<typeof AccountRollupQuery>;

export const AccountRollup = z.object({
  connectionId: z.string(),
  accountId: z.string(),
  /** From the organization's directory, else the connection's name. */
  name: z.string(),
  /** The account's OU path in its organization (`/Production/Web/`); absent for a standalone one. */
  ouPath: z.string().optional(),
  /** Over the merged findings of the account's latest runs (mutes in force now applied); null before its first completed run. */
  score: Results.shape.score.nullable(),
  openBySeverity: Results.shape.openBySeverity.nullable(),
  openByCategory: Results.shape.openByCategory.nullable(),
  estimatedMonthlySavingsUsd: z.number().nonnegative(),
  /** The account's latest completed run. */
  lastRun: z.object({ runId: z.string(), finishedAt: z.string(), status: z.literal('completed') }).nullable(),
});
export type AccountRollup = z.infer<typeof AccountRollup>;

export const AccountRollupResponse = z.object({
  total: z.number().int(),
  accounts: z.array(AccountRollup),
});
export type AccountRollupResponse = z.infer<typeof AccountRollupResponse>;
