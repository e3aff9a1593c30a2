/**
 * `again-console org-template`: prints (or writes with -o) the CloudFormation template of the
 * organization member role, the same one the web console offers for download.
 */
import { loadIamActions } from '../aws/iam-policy.js';
import {
  buildMemberRoleTemplate,
  DEFAULT_MEMBER_ROLE_NAME,
  EXTERNAL_ID_PATTERN,
  MEMBER_ROLE_NAME_PATTERN,
  renderTemplate,
  type TemplateFormat,
  TRUSTED_PRINCIPAL_PATTERN,
} from '../orgs/member-role-template.js';
import { textWriter, writeDestination } from './destination.js';
import { CliError, EXIT } from './errors.js';

export interface OrgTemplateOptions {
  format?: string;
  roleName?: string;
  externalId?: string;
  trustedPrincipal?: string;
  output?: string;
}

export interface OrgTemplateArgs {
  format: TemplateFormat;
  roleName: string;
  externalId?: string;
  trustedPrincipalArn?: string;
  output?: string;
}

const bad = (message: string) => new CliError(message, EXIT.badArguments);

export function parseOrgTemplateArgs(raw: OrgTemplateOptions): OrgTemplateArgs {
  const format = raw.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw bad(`--format must be yaml or json (got ${format})`);
  const roleName = raw.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
  if (!MEMBER_ROLE_NAME_PATTERN.test(roleName))
    throw bad('--role-name must be 1 to 64 letters, digits or +=.@_- characters');
  if (raw.externalId !== undefined && !EXTERNAL_ID_PATTERN.test(raw.externalId))
    throw bad('--external-id must be 2 to 1224 letters, digits or +=,.@:/_- characters');
  if (raw.trustedPrincipal !== undefined && !TRUSTED_PRINCIPAL_PATTERN.test(raw.trustedPrincipal))
    throw bad('--trusted-principal must be an ARN such as arn:aws:iam::123456789012:role/Name');
  return {
    format,
    roleName,
    ...(raw.externalId !== undefined ? { externalId: raw.externalId } : {}),
    ...(raw.trustedPrincipal !== undefined ? { trustedPrincipalArn: raw.trustedPrincipal } : {}),
    ...(raw.output ? { output: raw.output } : {}),
  };
}

export async function writeOrgTemplate(stdout: NodeJS.WritableStream, args: OrgTemplateArgs): Promise<void> {
  const actions = await loadIamActions();
  const { template } = buildMemberRoleTemplate({
    actions: actions(),
    roleName: args.roleName,
    ...(args.externalId ? { externalId: args.externalId } : {}),
    ...(args.trustedPrincipalArn ? { trustedPrincipalArn: args.trustedPrincipalArn } : {}),
  });
  await writeDestination(stdout, args.output, textWriter(renderTemplate(template, args.format)));
}
