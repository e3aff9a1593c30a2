import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  buildStackSetCommands,
  STACK_SET_NAME,
  shellQuote,
  TARGETS_PLACEHOLDER,
  TRUSTED_PRINCIPAL_PLACEHOLDER,
} from '../../src/orgs/stackset-commands.js';

const PRINCIPAL = 'arn:aws:iam::123456789012:role/again-console-server';

/** The words bash hands to `aws` when it runs the command (a stand-in `aws` prints them, one per line). */
function wordsBashSees(command: string): string[] {
  const script = `aws() { printf '%s\\n' "$@"; }\n${command}`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe('StackSets deploy commands', () => {
  const commands = buildStackSetCommands({
    roleName: 'AgainConsoleAudit',
    externalId: 'again-Ab_c-123',
    trustedPrincipalArn: PRINCIPAL,
    region: 'ap-northeast-2',
  });

  it('create-stack-set: service-managed, auto-deployment on, named IAM, the user values filled in', () => {
    expect(wordsBashSees(commands.createStackSet)).toEqual([
      'cloudformation',
      'create-stack-set',
      '--stack-set-name',
      STACK_SET_NAME,
      '--template-body',
      'file://again-console-member-role.yaml',
      '--permission-model',
      'SERVICE_MANAGED',
      '--auto-deployment',
      'Enabled=true,RetainStacksOnAccountRemoval=false',
      '--capabilities',
      'CAPABILITY_NAMED_IAM',
      '--parameters',
      'ParameterKey=RoleName,ParameterValue=AgainConsoleAudit',
      'ParameterKey=ExternalId,ParameterValue=again-Ab_c-123',
      `ParameterKey=TrustedPrincipalArn,ParameterValue=${PRINCIPAL}`,
    ]);
  });

  it('create-stack-instances: to the root or OU ids, in one region', () => {
    expect(wordsBashSees(commands.createStackInstances)).toEqual([
      'cloudformation',
      'create-stack-instances',
      '--stack-set-name',
      STACK_SET_NAME,
      '--deployment-targets',
      `OrganizationalUnitIds=${TARGETS_PLACEHOLDER}`,
      '--regions',
      'ap-northeast-2',
    ]);
  });

  it('the management account gets its own create-stack (service-managed stack sets skip it)', () => {
    const words = wordsBashSees(commands.createManagementStack);
    expect(words.slice(0, 4)).toEqual(['cloudformation', 'create-stack', '--stack-name', STACK_SET_NAME]);
    expect(words).toContain('CAPABILITY_NAMED_IAM');
    expect(words).toContain('ParameterKey=ExternalId,ParameterValue=again-Ab_c-123');
    expect(wordsBashSees(commands.activateTrustedAccess)).toEqual([
      'cloudformation',
      'activate-organizations-access',
    ]);
  });

  it('a principal the server does not know is a visible placeholder', () => {
    const unknown = buildStackSetCommands({
      roleName: 'R',
      externalId: 'again-x1',
      trustedPrincipalArn: null,
      region: 'us-east-1',
    });
    expect(wordsBashSees(unknown.createStackSet)).toContain(
      `ParameterKey=TrustedPrincipalArn,ParameterValue=${TRUSTED_PRINCIPAL_PLACEHOLDER}`,
    );
  });

  it('shell-quotes what the shell would otherwise change: quotes, spaces, $ and backticks stay literal', () => {
    for (const word of [`it's`, 'a b', '$HOME', '`id`', '; rm -rf /', 'x"y', '']) {
      expect(wordsBashSees(`aws ${shellQuote(word)}`)).toEqual([word]);
    }
    expect(shellQuote('ParameterKey=A,ParameterValue=arn:aws:iam::1:role/x')).toBe(
      'ParameterKey=A,ParameterValue=arn:aws:iam::1:role/x',
    );
  });
});
