import { z } from 'zod';

/** 12 digits: an AWS account id. */
export const AccountIdSchema = z.string().regex(/^\d{12}$/, 'account_id_invalid');
/** Organizations ids: `r-xxxx` (root) or `ou-xxxx-yyyyyyyy`. */
export const OrgUnitIdSchema = z
  .string()
  .regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, 'ou_id_invalid');
/** An IAM role name, optionally with a path (`audit/AgainConsoleAudit`). */
export const MemberRoleNameSchema = z
  .string()
  .trim()
  .regex(/^([\w+=,.@-]{1,64}\/){0,8}[\w+=,.@-]{1,64}$/, 'member_role_name_invalid');
/** sts:ExternalId: 2–1224 characters of [\w+=,.@:/-]. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
export const ExternalIdSchema = z.string().trim().regex(EXTERNAL_ID_PATTERN, 'external_id_invalid');

/** The organization part of a connection to the management or a delegated-administrator account. */
export const OrganizationSettings = z.object({
  /** The audit role every member account has (deployed from the generated template). */
  memberRoleName: MemberRoleNameSchema,
  /** The External ID the member roles require; the user's own when omitted. */
  externalId: ExternalIdSchema.optional(),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export const OrgUnit = z.object({
  id: z.string(),
  name: z.string(),
  /** null for the root. */
  parentId: z.string().nullable(),
  /** Names from the root, e.g. `/Production/Web/` (`/` is the root). */
  path: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** Whether the console can get into a member through its audit role (GetCallerIdentity through it). */
export const MemberRoleCheck = z.object({
  state: z.enum(['ok', 'failed', 'skipped', 'unchecked']),
  checkedAt: z.string().optional(),
  /** AWS's error code when failed (AccessDenied…), or why it was skipped (`suspended`). */
  code: z.string().optional(),
  message: z.string().optional(),
});
export type MemberRoleCheck = z.infer<typeof MemberRoleCheck>;

export const OrgAccount = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** ACTIVE, SUSPENDED or PENDING_CLOSURE (as Organizations says). */
  status: z.string(),
  ouId: z.string(),
  ouPath: z.string(),
  joinedAt: z.string().optional(),
  role: MemberRoleCheck.optional(),
});
export type OrgAccount = z.infer<typeof OrgAccount>;

/** What discovery found: the OU tree and every account, as of `discoveredAt`. */
export const OrgDirectory = z.object({
  organizationId: z.string(),
  managementAccountId: z.string(),
  discoveredAt: z.string(),
  units: z.array(OrgUnit),
  accounts: z.array(OrgAccount),
});
export type OrgDirectory = z.infer<typeof OrgDirectory>;

/** Path of the organization routes: the organization connection's id. */
export const OrgParams = z.object({ connectionId: z.string().min(1).max(64) });
export const OrgAccountParams = OrgParams.extend({ accountId: AccountIdSchema });

/** Where a refresh is: accounts found so far, member roles checked of those to check. */
export const RefreshProgress = z.object({
  accountsDiscovered: z.number().int().nonnegative(),
  rolesChecked: z.number().int().nonnegative(),
  rolesToCheck: z.number().int().nonnegative(),
});
export type RefreshProgress = z.infer<typeof RefreshProgress>;

/** The last (or running) refresh of an organization: a job, one at a time per connection. */
export const OrgRefresh = z.object({
  state: z.enum(['running', 'completed', 'failed']),
  startedAt: z.string(),
  /** Last progress write (a running refresh whose job is gone and that stopped moving is failed). */
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  progress: RefreshProgress,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type OrgRefresh = z.infer<typeof OrgRefresh>;

/**
 * GET /api/orgs/:connectionId → the last discovery (null before the first refresh) and the last or
 * running refresh; POST …/refresh → 202 the same, with the refresh running (a second POST while
 * one runs joins it).
 */
export const OrgSummary = OrgDirectory.omit({ accounts: true }).extend({
  counts: z.object({
    accounts: z.number().int(),
    active: z.number().int(),
    suspended: z.number().int(),
    roleOk: z.number().int(),
    roleFailed: z.number().int(),
  }),
});
export type OrgSummary = z.infer<typeof OrgSummary>;
export const OrgResponse = z.object({ organization: OrgSummary.nullable(), refresh: OrgRefresh.nullable() });
export type OrgResponse = z.infer<typeof OrgResponse>;

/** GET /api/orgs/:connectionId/accounts — one page of the organization's accounts. */
export const OrgAccountsQuery = z.object({
  /** Accounts of this OU and every OU below it. */
  ou: OrgUnitIdSchema.optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(['ACTIVE', 'SUSPENDED']).optional(),
  role: z.enum(['ok', 'failed', 'skipped', 'unchecked']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrgAccountsQuery = z.infer<typeof OrgAccountsQuery>;
export const OrgAccountsResponse = z.object({ total: z.number().int(), accounts: z.array(OrgAccount) });
export type OrgAccountsResponse = z.infer<typeof OrgAccountsResponse>;
/** POST /api/orgs/:connectionId/accounts/:accountId/verify → the account with its new role check. */
export const OrgAccountResponse = z.object({ account: OrgAccount });
