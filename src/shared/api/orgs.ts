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
export const ExternalIdSchema = z
  .string()
  .trim()
  .regex(/^[\w+=,.@:/-]{2,1224}$/, 'external_id_invalid');

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
