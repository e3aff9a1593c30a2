import { z } from 'zod';
import { SERVICE_IDS } from '../../core/services.js';
import { SeveritySchema } from './advisor.js';
import { RegionName, ServiceIdSchema } from './collections.js';
import { AccountIdSchema, OrgUnitIdSchema } from './orgs.js';

/**
 * A scan: one advisor run per account of an organization connection, grouped under one id.
 * POST /api/scans → 202 ScanResponse; GET /api/scans?offset=&limit= → ScansResponse (newest first);
 * GET /api/scans/:scanId → ScanResponse; POST /api/scans/:scanId/cancel → 200 ScanResponse.
 */

/** Which accounts: every ACTIVE one, the ACTIVE ones of an OU subtree, or the chosen ones. */
export const ScanTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('ou'), ouId: OrgUnitIdSchema }),
  z.object({ kind: z.literal('accounts'), accountIds: z.array(AccountIdSchema).min(1).max(1000) }),
]);
export type ScanTarget = z.infer<typeof ScanTarget>;

export const StartScanBody = z.object({
  connectionId: z.string().min(1).max(100),
  target: ScanTarget,
  services: z.array(ServiceIdSchema).min(1).max(SERVICE_IDS.length),
  regions: z.union([z.literal('all-enabled'), z.array(RegionName).min(1).max(40)]).optional(),
});
export type StartScanBody = z.infer<typeof StartScanBody>;

/**
 * One account's state in the scan: `pending` until its run is queued, `running` while the run
 * collects or evaluates, then `completed`, `failed` (with the error), `cancelled`, or `skipped`
 * (never run: suspended in the organization).
 */
export const SCAN_ACCOUNT_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
  'skipped',
] as const;
export const ScanAccountStatusSchema = z.enum(SCAN_ACCOUNT_STATUSES);
export type ScanAccountStatus = z.infer<typeof ScanAccountStatusSchema>;
export const FINAL_SCAN_ACCOUNT_STATUSES: readonly ScanAccountStatus[] = [
  'completed',
  'failed',
  'cancelled',
  'skipped',
];

export const ScanAccountError = z.object({ code: z.string(), message: z.string() });

/** The figures of an account's completed run (mutes in force when it finished applied). */
export const ScanAccountResults = z.object({
  score: z.number().min(0).max(100).nullable(),
  openBySeverity: z.record(SeveritySchema, z.number().int().nonnegative()),
  estimatedMonthlySavingsUsd: z.number().nonnegative(),
});
export type ScanAccountResults = z.infer<typeof ScanAccountResults>;

export const ScanAccount = z.object({
  accountId: z.string(),
  name: z.string(),
  ouPath: z.string(),
  status: ScanAccountStatusSchema,
  runId: z.string().optional(),
  error: ScanAccountError.optional(),
  results: ScanAccountResults.optional(),
});
export type ScanAccount = z.infer<typeof ScanAccount>;

export const ScanStatusSchema = z.enum([
  'running',
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
]);
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

export const ScanTotals = z.object({
  accounts: z.number().int(),
  byStatus: z.record(ScanAccountStatusSchema, z.number().int().nonnegative()),
  openBySeverity: z.record(SeveritySchema, z.number().int().nonnegative()),
  estimatedMonthlySavingsUsd: z.number().nonnegative(),
});
export type ScanTotals = z.infer<typeof ScanTotals>;

/** A scan without its account rows (the list). */
export const ScanSummary = z.object({
  scanId: z.string(),
  status: ScanStatusSchema,
  requestedAt: z.string(),
  finishedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  connectionId: z.string(),
  connectionName: z.string().optional(),
  target: ScanTarget,
  /** The OU's path when the target is an OU. */
  targetPath: z.string().optional(),
  services: z.array(ServiceIdSchema),
  regions: z.union([z.literal('all-enabled'), z.array(z.string())]),
  totals: ScanTotals,
});
export type ScanSummary = z.infer<typeof ScanSummary>;

export const Scan = ScanSummary.extend({ accounts: z.array(ScanAccount) });
export type Scan = z.infer<typeof Scan>;

export const ScanParams = z.object({ scanId: z.string().min(1).max(100) });
export const ScansQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const ScanResponse = z.object({ scan: Scan });
export type ScanResponse = z.infer<typeof ScanResponse>;
export const ScansResponse = z.object({ total: z.number().int(), scans: z.array(ScanSummary) });
export type ScansResponse = z.infer<typeof ScansResponse>;
