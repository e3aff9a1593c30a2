import { z } from 'zod';

export const ORG_TEMPLATE_FORMATS = ['yaml', 'json'] as const;
/** In the deploy commands, for the user to replace: the organization's root id (r-…) or OU ids (ou-…). */
export const ORG_TARGETS_PLACEHOLDER = 'ROOT_OR_OU_IDS';
/** In the deploy commands when the server cannot tell its own principal. */
export const ORG_PRINCIPAL_PLACEHOLDER = 'CONSOLE_PRINCIPAL_ARN';

/** GET /api/org-setup/template?format=yaml|json (default yaml): the member-role template as a download. */
export const OrgTemplateQuery = z.object({
  format: z.enum(ORG_TEMPLATE_FORMATS, { error: 'format must be yaml or json' }).default('yaml'),
});

/** GET /api/org-setup: what a user needs to deploy the member role across their organization. */
export const OrgSetupResponse = z.object({
  /** The signed-in user's own External ID (the member roles trust only requests carrying it). */
  externalId: z.string(),
  /** The console's principal the roles trust; null when the server cannot tell its own identity. */
  trustedPrincipalArn: z.string().nullable(),
  roleName: z.string(),
  stackSetName: z.string(),
  /** The region the commands deploy the stack instances to (the server's own). */
  region: z.string(),
  /** Placeholder in `createStackInstances` for the root or OU ids, for the user to replace. */
  targetsPlaceholder: z.string(),
  /** Managed policies the role gets with every option on. */
  policyCount: z.number().int().positive(),
  commands: z.object({
    activateTrustedAccess: z.string(),
    createStackSet: z.string(),
    createStackInstances: z.string(),
    createManagementStack: z.string(),
  }),
});
export type OrgSetupResponse = z.infer<typeof OrgSetupResponse>;
