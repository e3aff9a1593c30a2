/**
 * Per user, what onboarding the member role needs: the template with the user's External ID and the
 * console's principal as parameter defaults, and the StackSets commands around them.
 */
import type { OrgSetupResponse } from '../shared/api/org-setup.js';
import {
  buildMemberRoleTemplate,
  DEFAULT_MEMBER_ROLE_NAME,
  renderTemplate,
  type TemplateFormat,
  templateFileName,
} from './member-role-template.js';
import { buildStackSetCommands, STACK_SET_NAME, TARGETS_PLACEHOLDER } from './stackset-commands.js';

export interface OrgSetupDeps {
  /** The user's External ID and the server's principal (the connections service's role setup). */
  roleSetup(username: string): Promise<{ externalId: string; serverPrincipalArn: string | null }>;
  iamActions(): string[];
  region: string;
}

export function createOrgSetupService(deps: OrgSetupDeps) {
  async function memberRole(username: string) {
    const { externalId, serverPrincipalArn } = await deps.roleSetup(username);
    const built = buildMemberRoleTemplate({
      actions: deps.iamActions(),
      externalId,
      trustedPrincipalArn: serverPrincipalArn,
    });
    return { externalId, trustedPrincipalArn: serverPrincipalArn, built };
  }

  return {
    async setup(username: string): Promise<OrgSetupResponse> {
      const { externalId, trustedPrincipalArn, built } = await memberRole(username);
      return {
        externalId,
        trustedPrincipalArn,
        roleName: DEFAULT_MEMBER_ROLE_NAME,
        stackSetName: STACK_SET_NAME,
        region: deps.region,
        targetsPlaceholder: TARGETS_PLACEHOLDER,
        policyCount: built.policyCount,
        commands: buildStackSetCommands({
          roleName: DEFAULT_MEMBER_ROLE_NAME,
          externalId,
          trustedPrincipalArn,
          region: deps.region,
        }),
      };
    },

    async template(username: string, format: TemplateFormat) {
      const { built } = await memberRole(username);
      return {
        body: renderTemplate(built.template, format),
        fileName: templateFileName(format),
        contentType:
          format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8',
      };
    },
  };
}
