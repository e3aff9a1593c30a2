/** Fixture tests of the two account-wide IAM additions: iam-root-not-used-recently and iam-support-role-exists. */
import { describe, expect, it } from 'vitest';
import type { IamCredentialReportRow, IamRole } from '../../core/records.js';
import { daysAgo, evaluate, fixtureSnapshot } from '../testing.js';
import rootNotUsed from './iam-root-not-used-recently.js';
import supportRole from './iam-support-role-exists.js';

const ACCOUNT = '123456789012';
const reportRow = (user: string, extra: Partial<IamCredentialReportRow> = {}): IamCredentialReportRow => ({
  region: 'global',
  user,
  arn: user === '<root_account>' ? `arn:aws:iam::${ACCOUNT}:root` : `arn:aws:iam::${ACCOUNT}:user/${user}`,
  passwordEnabled: true,
  mfaActive: true,
  accessKey1Active: false,
  accessKey2Active: false,
  ...extra,
});
const role = (roleName: string, policyArns: string[]): IamRole => ({
  region: 'global',
  roleName,
  arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
  attachedPolicies: policyArns.map((policyArn) => ({
    policyArn,
    policyName: policyArn.split('/').pop() ?? '',
  })),
  inlinePolicies: [],
  tags: [],
});
const only = (findings: ReturnType<typeof evaluate>) => {
  expect(findings).toHaveLength(1);
  expect(findings[0]?.resourceId).toBe(ACCOUNT);
  return findings[0];
};

describe('iam-root-not-used-recently', () => {
  const judge = (root: Partial<IamCredentialReportRow>) =>
    only(
      evaluate(
        rootNotUsed,
        fixtureSnapshot({ 'iam.credential-report': [reportRow('<root_account>', root), reportRow('alice')] }),
      ),
    );

  it('fails a root sign-in or a root key use within 30 days', () => {
    const signIn = judge({ passwordLastUsed: daysAgo(3) });
    expect(signIn?.status).toBe('fail');
    expect(signIn?.details).toEqual({ lastRootUse: daysAgo(3) });
    expect(judge({ passwordLastUsed: daysAgo(200), accessKey2LastUsedDate: daysAgo(29) })?.status).toBe(
      'fail',
    );
  });

  it('passes when the last root use is older than 30 days or never happened', () => {
    expect(judge({ passwordLastUsed: daysAgo(31), accessKey1LastUsedDate: daysAgo(90) })?.status).toBe(
      'pass',
    );
    expect(judge({})?.status).toBe('pass');
  });

  it('is unknown without a root row (the emulator never writes one)', () => {
    const finding = only(
      evaluate(rootNotUsed, fixtureSnapshot({ 'iam.credential-report': [reportRow('alice')] })),
    );
    expect(finding?.status).toBe('unknown');
  });

  it('follows the recentDays setting', () => {
    const findings = evaluate(
      rootNotUsed,
      fixtureSnapshot({
        'iam.credential-report': [reportRow('<root_account>', { passwordLastUsed: daysAgo(10) })],
      }),
      { recentDays: 7 },
    );
    expect(only(findings)?.status).toBe('pass');
  });
});

describe('iam-support-role-exists', () => {
  it('passes when some role has AWSSupportAccess, naming it', () => {
    const finding = only(
      evaluate(
        supportRole,
        fixtureSnapshot({
          'iam.roles': [
            role('deployer', ['arn:aws:iam::aws:policy/PowerUserAccess']),
            role('support', ['arn:aws:iam::aws:policy/AWSSupportAccess']),
          ],
        }),
      ),
    );
    expect(finding?.status).toBe('pass');
    expect(finding?.details).toEqual({ supportRoles: 'support' });
  });

  it('fails when no role has it (a customer policy of the same name does not count)', () => {
    const finding = only(
      evaluate(
        supportRole,
        fixtureSnapshot({
          'iam.roles': [role('lookalike', [`arn:aws:iam::${ACCOUNT}:policy/AWSSupportAccess`])],
        }),
      ),
    );
    expect(finding?.status).toBe('fail');
  });
});
