import { describe, expect, it } from 'vitest';
import type { IamPolicy, IamRole, LambdaFunction } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-role-least-privilege.js';

const ACCOUNT = '123456789012';
const fn = (functionName: string, roleName: string): LambdaFunction => ({
  region: 'ap-northeast-2',
  functionName,
  arn: `arn:aws:lambda:ap-northeast-2:${ACCOUNT}:function:${functionName}`,
  runtime: 'python3.13',
  packageType: 'Zip',
  memoryMb: 256,
  timeoutSeconds: 10,
  architectures: ['arm64'],
  role: `arn:aws:iam::${ACCOUNT}:role/service-role/${roleName}`,
  layers: [],
  environmentVariableNames: [],
});
const role = (roleName: string, extra: Partial<IamRole> = {}): IamRole => ({
  region: 'global',
  roleName,
  arn: `arn:aws:iam::${ACCOUNT}:role/service-role/${roleName}`,
  attachedPolicies: [],
  inlinePolicies: [],
  tags: [],
  ...extra,
});
const managed = (name: string, action: string, extra: Partial<IamPolicy> = {}): IamPolicy => ({
  region: 'global',
  policyName: name,
  arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
  awsManaged: false,
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] },
  allowsAdminAccess: action === '*',
  ...extra,
});
const ref = (p: IamPolicy) => ({ policyName: p.policyName, policyArn: p.arn });

const godMode = managed('GodMode', '*:*');
const logs = managed('Logs', 'logs:*');
const notCollected = managed('Elsewhere', 'x', { document: undefined, allowsAdminAccess: false });

describe('lambda-function-role-least-privilege', () => {
  it('fails AdministratorAccess, a managed *:* and an inline * policy; passes a scoped role', () => {
    const snapshot = fixtureSnapshot({
      'lambda.functions': [
        fn('admin-fn', 'admin-role'),
        fn('custom-fn', 'custom-role'),
        fn('inline-fn', 'inline-role'),
        fn('scoped-fn', 'scoped-role'),
      ],
      'iam.roles': [
        role('admin-role', {
          attachedPolicies: [
            { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          ],
        }),
        role('custom-role', { attachedPolicies: [ref(logs), ref(godMode)] }),
        role('inline-role', {
          inlinePolicies: [
            {
              policyName: 'all',
              document: { Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] },
            },
          ],
        }),
        role('scoped-role', { attachedPolicies: [ref(logs)] }),
      ],
      'iam.policies': [godMode, logs],
    });
    const findings = evaluate(check, snapshot);
    expect(findingFor(findings, 'admin-fn').status).toBe('fail');
    const custom = findingFor(findings, 'custom-fn');
    expect(custom.status).toBe('fail');
    expect(custom.message.en).toContain('GodMode');
    expect(findingFor(findings, 'inline-fn').message.en).toContain('all (inline)');
    expect(findingFor(findings, 'scoped-fn').status).toBe('pass');
  });

  it('is unknown when the role or a policy document is missing, or IAM was not collected', () => {
    const snapshot = fixtureSnapshot({
      'lambda.functions': [fn('orphan-fn', 'deleted-role'), fn('opaque-fn', 'opaque-role')],
      'iam.roles': [role('opaque-role', { attachedPolicies: [ref(notCollected)] })],
      'iam.policies': [],
    });
    const findings = evaluate(check, snapshot);
    expect(findingFor(findings, 'orphan-fn').status).toBe('unknown');
    expect(findingFor(findings, 'opaque-fn').message.en).toContain('Elsewhere');

    const noIam = evaluate(check, fixtureSnapshot({ 'lambda.functions': [fn('a', 'r')] }));
    expect(noIam.map((f) => f.status)).toEqual(['unknown']);
    expect(noIam[0]?.message.en).toContain('not collected');
  });

  it('is unknown when the role policies could not be listed', () => {
    const denied = role('denied-role', {
      fieldErrors: {
        attachedPolicies: { operation: 'ListAttachedRolePolicies', code: 'AccessDenied', message: 'x' },
      },
    });
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [fn('f', 'denied-role')],
        'iam.roles': [denied],
        'iam.policies': [],
      }),
    );
    expect(findingFor(findings, 'f').status).toBe('unknown');
  });
});
