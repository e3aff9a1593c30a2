/**
 * The AWS CLI commands that deploy the member-role template across an organization with
 * CloudFormation StackSets (service-managed permissions), plus the management account's own stack,
 * which a service-managed stack set never deploys to. Pure: the user runs them.
 */
import { ORG_PRINCIPAL_PLACEHOLDER, ORG_TARGETS_PLACEHOLDER } from '../shared/api/org-setup.js';
import { type TemplateFormat, templateFileName } from './member-role-template.js';

export const STACK_SET_NAME = 'again-console-member-role';
export const TARGETS_PLACEHOLDER = ORG_TARGETS_PLACEHOLDER;

export interface StackSetCommandsInput {
  roleName: string;
  externalId: string;
  /** The console's principal; a placeholder the user must replace when the server does not know it. */
  trustedPrincipalArn: string | null;
  /** The one region the stack instances go to (IAM is global: one is enough). */
  region: string;
  format?: TemplateFormat;
}

export interface StackSetCommands {
  /** Once per organization: lets CloudFormation StackSets act in the member accounts. */
  activateTrustedAccess: string;
  createStackSet: string;
  createStackInstances: string;
  /** Run with the management account's credentials: the stack set skips that account. */
  createManagementStack: string;
}

export const TRUSTED_PRINCIPAL_PLACEHOLDER = ORG_PRINCIPAL_PLACEHOLDER;

/**
 * POSIX shell single quotes where a word needs them. Hand-written: shell-quote escapes every ':'
 * and '=' with backslashes, which makes ARNs and `Key=Value` shorthand unreadable to copy.
 */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

const command = (words: string[]) => words.map(shellQuote).join(' ');
/** Long commands over several lines, each continued with a backslash; nested lists indent further. */
const multiline = (head: string[], ...options: (string[] | string[][])[]) =>
  [
    command(head),
    ...options.flatMap((option) =>
      isNested(option)
        ? option.map((line, i) => `${i === 0 ? '  ' : '    '}${command(line)}`)
        : [`  ${command(option)}`],
    ),
  ].join(' \\\n');
const isNested = (option: string[] | string[][]): option is string[][] => Array.isArray(option[0]);

export function buildStackSetCommands(input: StackSetCommandsInput): StackSetCommands {
  const templateBody = `file://${templateFileName(input.format ?? 'yaml')}`;
  const parameter = (key: string, value: string) => `ParameterKey=${key},ParameterValue=${value}`;
  // One parameter a line: an External ID and an ARN side by side would scroll off any screen.
  const parameters = [
    ['--parameters', parameter('RoleName', input.roleName)],
    [parameter('ExternalId', input.externalId)],
    [parameter('TrustedPrincipalArn', input.trustedPrincipalArn ?? TRUSTED_PRINCIPAL_PLACEHOLDER)],
  ];
  const capabilities = ['--capabilities', 'CAPABILITY_NAMED_IAM'];
  return {
    activateTrustedAccess: command(['aws', 'cloudformation', 'activate-organizations-access']),
    createStackSet: multiline(
      ['aws', 'cloudformation', 'create-stack-set'],
      ['--stack-set-name', STACK_SET_NAME],
      ['--template-body', templateBody],
      ['--permission-model', 'SERVICE_MANAGED'],
      ['--auto-deployment', 'Enabled=true,RetainStacksOnAccountRemoval=false'],
      capabilities,
      parameters,
    ),
    createStackInstances: multiline(
      ['aws', 'cloudformation', 'create-stack-instances'],
      ['--stack-set-name', STACK_SET_NAME],
      ['--deployment-targets', `OrganizationalUnitIds=${TARGETS_PLACEHOLDER}`],
      ['--regions', input.region],
    ),
    createManagementStack: multiline(
      ['aws', 'cloudformation', 'create-stack'],
      ['--stack-name', STACK_SET_NAME],
      ['--template-body', templateBody],
      capabilities,
      ['--region', input.region],
      parameters,
    ),
  };
}
