import { z } from 'zod';
import { CATEGORIES, FINDING_STATUSES, SERVICE_IDS, SEVERITIES } from '../../core/services.js';
import { CollectorIdSchema, ProgressEntry, RegionName, ServiceIdSchema } from './collections.js';
import { AccountIdSchema, OrgUnitIdSchema } from './orgs.js';
import { ScoreSchema } from './report.js';
import { ScopeField } from './scope.js';

/**
 * The Service Advisor API (runs, history, comparison, muting, settings). Report downloads reuse
 * ReportQuery of ./report.ts: GET /api/advisor/runs/:runId/report?format=pdf|csv|json&lang=ko|en&service=.
 */

export const LocalizedTextSchema = z.object({ ko: z.string(), en: z.string() });
/** Structured remediation (src/core/remediation.ts); commands are templates filled per finding. */
export const RemediationSchema = z.object({
  why: LocalizedTextSchema,
  steps: z.object({ en: z.array(z.string()), ko: z.array(z.string()) }),
  commands: z.array(z.string()),
  iac: z.object({ kind: z.enum(['terraform', 'cloudformation']), code: z.string() }).optional(),
});
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);
export const FindingStatusSchema = z.enum(FINDING_STATUSES);

const MuteConnectionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'connection_id_invalid');
/**
 * Which accounts a mute rule covers: every account of every connection (`all`, the default; a
 * stored rule without a scope means it), one account (a standalone connection's own account or a
 * member of an organization connection), or an OU of an organization connection with every OU
 * below it, as the connection's stored directory says when the rule is applied (an account moved
 * to another OU follows its new OU).
 */
export const MuteScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('account'), connectionId: MuteConnectionId, accountId: AccountIdSchema }),
  z.object({ kind: z.literal('ou'), connectionId: MuteConnectionId, ouId: OrgUnitIdSchema }),
]);
export type MuteScope = z.infer<typeof MuteScopeSchema>;

/** Why a finding is muted: the rule that covers it (the most specific one) and the accounts that rule covers. */
export const MuteInfoSchema = z.object({
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  expiresAt: z.string().optional(),
  ruleId: z.string(),
  /** The accounts the rule covers (`all` for a rule made before scopes existed); absent means every account. */
  scope: MuteScopeSchema.optional(),
});

/** src/core/findings.ts Finding. */
export const FindingSchema = z.object({
  checkId: z.string(),
  service: ServiceIdSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  status: FindingStatusSchema,
  region: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().optional(),
  resourceName: z.string().optional(),
  message: LocalizedTextSchema,
  estimatedMonthlySavingsUsd: z.number().optional(),
  savingsBasis: LocalizedTextSchema.optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  muted: MuteInfoSchema.optional(),
});
export type FindingDto = z.infer<typeof FindingSchema>;

// ---------------------------------------------------------------- catalogue and settings
/** A setting's value: a number (threshold) or a list of strings. */
export const SettingValueSchema = z.union([z.number(), z.array(z.string())]);

const settingCommon = {
  name: z.string(),
  description: LocalizedTextSchema,
  overridden: z.boolean(),
};

export const NumberSettingSchema = z.object({
  kind: z.literal('number'),
  ...settingCommon,
  default: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
  /** The value in force for this user (the override, or the default). */
  value: z.number(),
});
export type NumberSetting = z.infer<typeof NumberSettingSchema>;

/** A list of strings; every item trimmed, matching `itemPattern`, at most `itemMaxLength` long, unique. */
export const StringListSettingSchema = z.object({
  kind: z.literal('stringList'),
  ...settingCommon,
  default: z.array(z.string()),
  maxItems: z.number().int().positive(),
  itemMaxLength: z.number().int().positive(),
  itemPattern: z.string(),
  allowEmpty: z.boolean(),
  value: z.array(z.string()),
});
export type StringListSetting = z.infer<typeof StringListSettingSchema>;

export const CheckSettingSchema = z.discriminatedUnion('kind', [
  NumberSettingSchema,
  StringListSettingSchema,
]);
export type CheckSetting = z.infer<typeof CheckSettingSchema>;

export const CheckCatalogueEntry = z.object({
  id: z.string(),
  service: ServiceIdSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  title: LocalizedTextSchema,
  failureLabel: LocalizedTextSchema,
  description: LocalizedTextSchema,
  remediation: RemediationSchema,
  docs: z.array(z.string()),
  requires: z.array(CollectorIdSchema),
  settings: z.array(CheckSettingSchema),
});
export type CheckCatalogueEntry = z.infer<typeof CheckCatalogueEntry>;

/** GET /api/advisor/checks and GET /api/advisor/settings. */
export const ChecksResponse = z.object({ checks: z.array(CheckCatalogueEntry) });
export type ChecksResponse = z.infer<typeof ChecksResponse>;

/**
 * PUT /api/advisor/settings → 200 ChecksResponse. Merged into the stored overrides:
 * checkId → setting → value (a number, or a list of strings for list settings); `null` puts a
 * setting back to its default. Out of range, or a list breaking its rule → 400 `invalid_settings`
 * whose `fields` map `checkId.setting` to a code (out_of_range, not_a_list, empty_list,
 * too_many_items, item_too_long, item_invalid, duplicate_item, unknown_setting).
 */
export const PutSettingsBody = z.object({
  overrides: z.record(
    z.string().min(1).max(100),
    // Loose bounds against abuse; each check's own rule (items, length, pattern) is applied by the service.
    z.record(
      z.string().min(1).max(100),
      z.union([z.number(), z.array(z.string().max(1000)).max(1000)]).nullable(),
    ),
  ),
});
export type PutSettingsBody = z.infer<typeof PutSettingsBody>;

// ---------------------------------------------------------------- runs
/** `cancelled` (POST /api/advisor/runs/:runId/cancel) is final like `failed`: no findings, not counted. */
export const AdvisorRunStatusSchema = z.enum([
  'queued',
  'collecting',
  'evaluating',
  'completed',
  'failed',
  'cancelled',
]);
export type AdvisorRunStatus = z.infer<typeof AdvisorRunStatusSchema>;
export const FINAL_RUN_STATUSES: readonly AdvisorRunStatus[] = ['completed', 'failed', 'cancelled'];

/** POST /api/advisor/runs → 202 AdvisorRunResponse. With `collectionId`, that collection is reused. */
export const StartAdvisorRunBody = z.object({
  connectionId: z.string().min(1).max(100).optional(),
  /** A member account of the connection's organization (default: the connection's own account). */
  accountId: AccountIdSchema.optional(),
  services: z.array(ServiceIdSchema).min(1).max(SERVICE_IDS.length),
  /** Default: every enabled region. Ignored when a collection is reused (its regions apply). */
  regions: z.union([z.literal('all-enabled'), z.array(RegionName).min(1).max(40)]).optional(),
  collectionId: z.string().min(1).max(100).optional(),
});
export type StartAdvisorRunBody = z.infer<typeof StartAdvisorRunBody>;

const countsOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.record(z.enum(values), z.number().int().nonnegative());

/** One run in the history list (mutes in force now are applied: muted findings leave the score). */
export const AdvisorRunSummary = z.object({
  runId: z.string(),
  status: AdvisorRunStatusSchema,
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  failureReason: z.string().optional(),
  services: z.array(ServiceIdSchema),
  regions: z.array(z.string()),
  connectionId: z.string(),
  connectionName: z.string().optional(),
  accountId: z.string().optional(),
  collectionId: z.string().optional(),
  /** True when the run evaluated an existing collection instead of collecting. */
  reusedCollection: z.boolean(),
  /** The scan over many accounts (/api/scans) this run is one account of. */
  scanId: z.string().optional(),
  /** Present once the run has completed. */
  results: z
    .object({
      score: ScoreSchema,
      scoreByService: z.partialRecord(ServiceIdSchema, ScoreSchema),
      scoreByCategory: z.partialRecord(CategorySchema, ScoreSchema),
      /** Unmuted findings by status. */
      countsByStatus: countsOf(FINDING_STATUSES),
      /** Unmuted failing + warning findings. */
      openBySeverity: countsOf(SEVERITIES),
      openByCategory: countsOf(CATEGORIES),
      mutedCount: z.number().int().nonnegative(),
      /** Sum over unmuted failing/warning findings. */
      estimatedMonthlySavingsUsd: z.number().nonnegative(),
    })
    .optional(),
});
export type AdvisorRunSummary = z.infer<typeof AdvisorRunSummary>;

/**
 * POST /api/advisor/runs → 202; POST /api/advisor/runs/:runId/cancel → 200 with the final run
 * (`cancelled`, or `completed`/`failed` when it finished first), 202 while the job is still stopping.
 * A run already finished when asked → 409 `run_not_running`.
 */
export const AdvisorRunResponse = z.object({ run: AdvisorRunSummary });
export const AdvisorRunsResponse = z.object({ runs: z.array(AdvisorRunSummary) });
export const AdvisorRunsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  service: ServiceIdSchema.optional(),
  /** Only the runs of the accounts in this scope (see scope.ts). */
  scope: ScopeField,
});

/** GET /api/advisor/runs/:runId — findings apart from muted ones; checks with the settings used. */
export const AdvisorRunDetailResponse = z.object({
  run: AdvisorRunSummary,
  findings: z.array(FindingSchema),
  muted: z.array(FindingSchema),
  checks: z.array(z.object({ id: z.string(), settings: z.record(z.string(), SettingValueSchema) })),
});
export type AdvisorRunDetailResponse = z.infer<typeof AdvisorRunDetailResponse>;

/**
 * GET /api/advisor/runs/:runId/progress is a text/event-stream:
 * - `event: snapshot` { run } first (and after every reconnect)
 * - `event: status`   { status, collectionId? } on every phase change (collecting → evaluating)
 * - `event: collection` ProgressEntry while the run's own collection progresses
 * - `event: done`     { run } then the stream closes.
 */
export const AdvisorStatusEvent = z.object({
  status: AdvisorRunStatusSchema,
  collectionId: z.string().optional(),
});
export const AdvisorCollectionEvent = ProgressEntry;

// ---------------------------------------------------------------- compare
export const CompareQuery = z.object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100) });
export const CompareResponse = z.object({
  from: AdvisorRunSummary,
  to: AdvisorRunSummary,
  /** Services both runs evaluated (only these are compared). */
  services: z.array(ServiceIdSchema),
  /** Failing or warning in `to`, not in `from`. Keyed by checkId + resourceId + region. */
  new: z.array(FindingSchema),
  /** Failing or warning in `from`; in `to` passing (after) or gone (after = null). */
  resolved: z.array(z.object({ before: FindingSchema, after: FindingSchema.nullable() })),
  /** Failing or warning in both (the `to` finding). */
  stillFailing: z.array(FindingSchema),
});
export type CompareResponse = z.infer<typeof CompareResponse>;

// ---------------------------------------------------------------- mutes

/** The names of what a scope points at, as of now (absent when the connection or OU is gone). */
export const MuteScopeNames = z.object({
  connectionName: z.string().optional(),
  accountName: z.string().optional(),
  ouName: z.string().optional(),
  /** Names from the root, e.g. `/Production/Web/`. */
  ouPath: z.string().optional(),
});
export type MuteScopeNames = z.infer<typeof MuteScopeNames>;

export const MuteRuleSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  /** Absent: the whole check is muted. */
  resourceId: z.string().optional(),
  /** Absent: every region. */
  region: z.string().optional(),
  /** Absent: every account (rules written before scopes existed mean the same). */
  scope: MuteScopeSchema.optional(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  expiresAt: z.string().optional(),
});
export type MuteRule = z.infer<typeof MuteRuleSchema>;

export const MuteAuditEntry = z.object({
  action: z.enum(['mute', 'unmute']),
  ruleId: z.string(),
  checkId: z.string(),
  resourceId: z.string().optional(),
  region: z.string().optional(),
  scope: MuteScopeSchema.optional(),
  reason: z.string().optional(),
  expiresAt: z.string().optional(),
  by: z.string(),
  at: z.string(),
});
export type MuteAuditEntry = z.infer<typeof MuteAuditEntry>;

/**
 * POST /api/advisor/mutes → 201 MuteResponse. Unknown check or past expiry → 400. A scope naming an
 * unknown connection (or another user's), an account outside that connection, or an OU the
 * organization does not have → 400 `invalid_mute` with `fields.scope` = `connection_not_found`,
 * `account_not_in_connection`, `account_not_in_organization`, `not_an_organization`,
 * `organization_not_discovered` or `ou_not_found`.
 */
export const CreateMuteBody = z.object({
  checkId: z.string().min(1).max(100),
  resourceId: z.string().min(1).max(2048).optional(),
  region: z.union([RegionName, z.literal('global')]).optional(),
  /** Absent or `all`: every account. */
  scope: MuteScopeSchema.optional(),
  reason: z.string().trim().min(1).max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateMuteBody = z.infer<typeof CreateMuteBody>;

export const MuteRuleView = MuteRuleSchema.extend({
  active: z.boolean(),
  scopeNames: MuteScopeNames.optional(),
});
export type MuteRuleView = z.infer<typeof MuteRuleView>;
export const MuteResponse = z.object({ rule: MuteRuleView });
/** GET /api/advisor/mutes: every rule (expired ones with active=false) and the audit trail, newest first. */
export const MutesResponse = z.object({ rules: z.array(MuteRuleView), audit: z.array(MuteAuditEntry) });
export type MutesResponse = z.infer<typeof MutesResponse>;

// ---------------------------------------------------------------- grouped and paged findings
/**
 * Which findings of a run to show: `open` = failing and warning (the default), `muted` = the
 * muted ones (left out of every other view), `all` = every unmuted finding.
 */
export const FINDING_VIEW_STATUSES = ['open', 'all', 'muted', ...FINDING_STATUSES] as const;
export const FindingViewStatusSchema = z.enum(FINDING_VIEW_STATUSES);
export type FindingViewStatus = z.infer<typeof FindingViewStatusSchema>;
export const FINDING_SORTS = ['severity', 'savings', 'count'] as const;
export const FindingSortSchema = z.enum(FINDING_SORTS);
export type FindingSort = z.infer<typeof FindingSortSchema>;

/** The filters of the results page, as the URL and the API carry them. */
export const FindingFilterQuery = z.object({
  service: ServiceIdSchema.optional(),
  category: CategorySchema.optional(),
  severity: SeveritySchema.optional(),
  status: FindingViewStatusSchema.default('open'),
  region: z.string().min(1).max(40).optional(),
  /** Matched against resource id and name, check id and title, message and region. */
  q: z.string().max(200).optional(),
  sort: FindingSortSchema.default('severity'),
});
export type FindingFilter = z.infer<typeof FindingFilterQuery>;

/** GET /api/advisor/runs/:runId/groups — one row per check that has findings matching the filter. */
export const FindingGroupSchema = z.object({
  checkId: z.string(),
  service: ServiceIdSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  /** Findings of this check that match the filter. */
  matched: z.number().int().nonnegative(),
  /** Unmuted failing and warning findings of this check. */
  failed: z.number().int().nonnegative(),
  /** Resources this check evaluated (unmuted findings of every status). */
  total: z.number().int().nonnegative(),
  /** Savings of the matching findings. */
  estimatedMonthlySavingsUsd: z.number().nonnegative(),
  regions: z.array(z.string()),
});
export type FindingGroup = z.infer<typeof FindingGroupSchema>;
export const FindingGroupsResponse = z.object({
  groups: z.array(FindingGroupSchema),
  /** Findings matching the filter over every group. */
  matched: z.number().int().nonnegative(),
  /** Regions of the run's findings (the region filter's choices). */
  regions: z.array(z.string()),
});
export type FindingGroupsResponse = z.infer<typeof FindingGroupsResponse>;

/** GET /api/advisor/runs/:runId/findings — the filter's findings (of one check with `check`), a page. */
export const FindingPageQuery = FindingFilterQuery.extend({
  check: z.string().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type FindingPageQuery = z.infer<typeof FindingPageQuery>;
export const FindingPageResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  findings: z.array(FindingSchema),
});
export type FindingPageResponse = z.infer<typeof FindingPageResponse>;
