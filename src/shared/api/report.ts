import { z } from 'zod';
import { COMPLIANCE_FRAMEWORK_IDS, CONTROL_STATUSES } from '../../core/compliance.js';
import { CATEGORIES, FINDING_STATUSES, LANGS, SEVERITIES } from '../../core/services.js';
import { CollectionStatusSchema, ServiceIdSchema } from './collections.js';

/**
 * The JSON report (SPEC "Command line" contract), written by the CLI and served by the API.
 * Keys the SPEC names are always present (null when a finding has no ARN or no savings); the rest
 * are extras. `message` and `remediation` are rendered in `lang`.
 */
export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export const ReportLangSchema = z.enum(LANGS);

/** Query of the report download routes: `?format=pdf&lang=ko&service=ec2&tz=Asia/Seoul`. */
export const ReportQuery = z.object({
  format: ReportFormatSchema.default('pdf'),
  lang: ReportLangSchema.default('en'),
  /** Absent = every service of the run (the merged PDF). */
  service: ServiceIdSchema.optional(),
  /** IANA time zone for dates; default UTC. */
  tz: z.string().min(1).max(64).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ScoreSchema = z.object({
  score: z.number().min(0).max(100).nullable(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
  muted: z.number().int().nonnegative(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const JsonReportFinding = z.object({
  checkId: z.string(),
  service: ServiceIdSchema,
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  region: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().nullable(),
  message: z.string(),
  remediation: z.string(),
  estimatedMonthlySavingsUsd: z.number().nullable(),
  // Extras.
  title: z.string(),
  /** The check's failure-phrased name ("Idle RDS instances"), for listing open findings. */
  failureLabel: z.string(),
  resourceName: z.string().optional(),
  savingsBasis: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  muted: z
    .object({
      reason: z.string(),
      by: z.string(),
      at: z.string(),
      expiresAt: z.string().optional(),
      ruleId: z.string(),
    })
    .optional(),
});
export type JsonReportFinding = z.infer<typeof JsonReportFinding>;

export const JsonReportCollectionError = z.object({
  service: ServiceIdSchema,
  region: z.string(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
  collector: z.string().optional(),
});

export const JsonReport = z.object({
  account: z.object({ id: z.string().nullable(), connectionName: z.string().optional() }),
  regions: z.array(z.string()),
  services: z.array(ServiceIdSchema),
  collection: z.object({
    id: z.string(),
    status: CollectionStatusSchema,
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    resourceCounts: z.record(z.string(), z.number().int().nonnegative()),
    errors: z.array(JsonReportCollectionError),
    skippedRegions: z.array(z.object({ region: z.string(), reason: z.string() })).optional(),
  }),
  findings: z.array(JsonReportFinding),
  // Extras.
  lang: ReportLangSchema,
  generatedAt: z.string(),
  runId: z.string().optional(),
  /** Open findings new and resolved since the previous completed run of the same scope. */
  changeSincePreviousRun: z
    .object({ previousRunAt: z.string(), newCount: z.number(), resolvedCount: z.number() })
    .optional(),
  summary: z.object({
    score: ScoreSchema,
    scoreByService: z.record(z.string(), ScoreSchema),
    openBySeverity: z.record(z.enum(SEVERITIES), z.number().int().nonnegative()),
    openByCategory: z.record(z.enum(CATEGORIES), z.number().int().nonnegative()),
    totalEstimatedMonthlySavingsUsd: z.number().nonnegative(),
  }),
});
export type JsonReport = z.infer<typeof JsonReport>;

/** An account of a report over several accounts (SPEC "Several accounts in one scan"). */
export const ReportAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['scanned', 'failed']),
  error: z.string().optional(),
  // Extras.
  ouPath: z.string().optional(),
});
export type ReportAccount = z.infer<typeof ReportAccountSchema>;

export const OrgJsonReportFinding = JsonReportFinding.extend({ accountId: z.string() });
export type OrgJsonReportFinding = z.infer<typeof OrgJsonReportFinding>;

const nonNegative = z.number().int().nonnegative();

/**
 * One framework's controls over the scanned accounts of an organization report: a control fails
 * when any account fails it, is unknown when none fails and any account cannot be judged, is
 * manual when no check maps to it, and passes when every scanned account passes it. Accounts that
 * could not be scanned are not judged (they are listed in `accounts` with their error).
 */
export const OrgComplianceSchema = z.object({
  framework: z.object({
    id: z.enum(COMPLIANCE_FRAMEWORK_IDS),
    name: z.object({ en: z.string(), ko: z.string() }),
    version: z.string(),
    koreanFirst: z.boolean(),
  }),
  /** Scanned accounts the statuses are rolled up over. */
  accountsEvaluated: nonNegative,
  counts: z.record(z.enum(CONTROL_STATUSES), nonNegative),
  /** pass ÷ (pass + fail + unknown) over the controls; null when none was judged. */
  passShare: z.number().min(0).max(1).nullable(),
  controls: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      title: z.object({ en: z.string(), ko: z.string() }),
      status: z.enum(CONTROL_STATUSES),
      checkIds: z.array(z.string()),
      /** Scanned accounts by their own status of the control. */
      accounts: z.record(z.enum(CONTROL_STATUSES), nonNegative),
      /** Every account failing the control, with its distinct failing resources. */
      failedAccounts: z.array(
        z.object({ accountId: z.string(), name: z.string(), failedResources: nonNegative }),
      ),
    }),
  ),
});
export type OrgCompliance = z.infer<typeof OrgComplianceSchema>;

/**
 * The JSON report of a scan over several accounts: the single-account report plus `accounts`,
 * `collection.resourceCountsByAccount` and an `accountId` on every finding and collection error.
 * `account.id` is the identity that ran the scan; `resourceCounts` sums the scanned accounts.
 */
export const OrgJsonReport = JsonReport.extend({
  accounts: z.array(ReportAccountSchema),
  organizationId: z.string().optional(),
  collection: JsonReport.shape.collection.extend({
    resourceCountsByAccount: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
    errors: z.array(JsonReportCollectionError.extend({ accountId: z.string() })),
  }),
  findings: z.array(OrgJsonReportFinding),
  /** Present when compliance was asked for: one roll-up per framework, after the findings. */
  compliance: z.array(OrgComplianceSchema).optional(),
});
export type OrgJsonReport = z.infer<typeof OrgJsonReport>;
