import { z } from 'zod';
import { OrganizationSettings } from './orgs.js';

export const ROLE_ARN_PATTERN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const ACCESS_KEY_ID_PATTERN = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;

export const ConnectionName = z.string().trim().min(1).max(64);

/** POST /api/connections — verified with STS GetCallerIdentity before it is saved. */
export const CreateConnectionBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('role'),
    name: ConnectionName,
    roleArn: z.string().trim().regex(ROLE_ARN_PATTERN, 'role_arn_invalid'),
    /** Set for the management or a delegated-administrator account: its organization's members. */
    organization: OrganizationSettings.optional(),
  }),
  z.object({
    kind: z.literal('keys'),
    name: ConnectionName,
    accessKeyId: z.string().trim().regex(ACCESS_KEY_ID_PATTERN, 'access_key_id_invalid'),
    secretAccessKey: z.string().trim().min(16).max(128),
    sessionToken: z.string().trim().max(4096).optional(),
    organization: OrganizationSettings.optional(),
  }),
]);
export type CreateConnectionBody = z.infer<typeof CreateConnectionBody>;

/** What the browser sees of a connection: never a secret. */
export const Connection = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['role', 'keys']),
  roleArn: z.string().optional(),
  /** e.g. "AKIA…MPLE" */
  accessKeyIdMasked: z.string().optional(),
  accountId: z.string(),
  callerArn: z.string(),
  createdAt: z.string(),
  verifiedAt: z.string(),
  isDefault: z.boolean(),
  /** An organization connection: members are reached through `memberRoleName` (see /api/orgs). */
  organization: OrganizationSettings.optional(),
});
export type Connection = z.infer<typeof Connection>;

/** GET /api/connections */
export const ConnectionsResponse = z.object({ connections: z.array(Connection) });
/** POST /api/connections → 201 ; POST /api/connections/:id/verify → 200 ; PATCH /api/connections/:id {name?, isDefault?} → 200 */
export const ConnectionResponse = z.object({ connection: Connection });
export const UpdateConnectionBody = z.object({
  name: ConnectionName.optional(),
  isDefault: z.literal(true).optional(),
  /** Makes it an organization connection, changes its member role, or (null) makes it a single account again. */
  organization: OrganizationSettings.nullable().optional(),
});
// DELETE /api/connections/:id → 204

/** GET /api/connections/role-setup: what the user pastes into the role's trust policy. */
export const RoleSetupResponse = z.object({
  externalId: z.string(),
  /** The principal the server assumes roles as (its own account / identity), when known. */
  serverPrincipalArn: z.string().nullable(),
  trustPolicy: z.record(z.string(), z.unknown()),
});

/** GET /api/iam-policy: the least-privilege read-only policy, generated from the collectors. */
export const IamPolicyResponse = z.object({
  policy: z.record(z.string(), z.unknown()),
  /** What collections and the advisor need (the policy's first statement). */
  actions: z.array(z.string()),
  /** Optional extras in their own statement (Cost Explorer for the Spend page: paid per request). */
  optionalActions: z.array(z.string()),
});
