/**
 * End to end for the IAM additions (CHECKS.md part 2): seed roles, customer-managed policies and
 * access keys in the emulator, collect with the real runner, advise with the real engine.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  attachUserPolicy,
  createAllowPolicy,
  createRoleWithPolicy,
  createUserWithKeys,
  SUPPORT_POLICY_ARN,
  uploadServerCertificate,
} from '../../../scripts/demo-seed-iam-additions.js';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`;

/** The demo's own seeding steps (scripts/demo-seed-iam-additions.ts), with this test's names. */
async function seed(): Promise<void> {
  const iam = new IAMClient(motoClientConfig());
  const everything = await createAllowPolicy(iam, 'everything', '*', '*');
  const readReports = await createAllowPolicy(iam, 'read-reports', 's3:GetObject', 'arn:aws:s3:::reports/*');
  await createAllowPolicy(iam, 'unused-everything', '*', '*');
  await createRoleWithPolicy(iam, ACCOUNT_ID, 'deployer', everything);
  await createRoleWithPolicy(iam, ACCOUNT_ID, 'support', SUPPORT_POLICY_ARN);
  await createUserWithKeys(iam, 'rotating', 2);
  await createUserWithKeys(iam, 'single', 1);
  await attachUserPolicy(iam, 'single', readReports);
  await uploadServerCertificate(iam, 'legacy-site');
  iam.destroy();
}

describe('IAM additions end to end (moto → runner → engine)', () => {
  const { findings, of, statuses } = advisedAccount(seed, { collect: ['iam'] });

  it('fails the attached "*:*" customer policy, passes the scoped one, skips the unattached one', () => {
    expect(of('iam-policy-no-full-admin', policyArn('everything')).status).toBe('fail');
    expect(of('iam-policy-no-full-admin', policyArn('read-reports')).status).toBe('pass');
    expect(statuses('iam-policy-no-full-admin', policyArn('unused-everything'))).toEqual([]);
    // AWS-managed policies are judged by the user and role checks, not here.
    expect(findings().filter((f) => f.checkId === 'iam-policy-no-full-admin')).toHaveLength(2);
  });

  it('fails the user with two active keys, passes the user with one', () => {
    expect(of('iam-user-single-active-key', 'rotating').status).toBe('fail');
    expect(of('iam-user-single-active-key', 'single').status).toBe('pass');
  });

  it('passes the account: the support role has AWSSupportAccess', () => {
    const support = of('iam-support-role-exists', ACCOUNT_ID);
    expect(support.status).toBe('pass');
    expect(support.details).toEqual({ supportRoles: 'support' });
  });

  it('root use is unknown on the emulator: its credential report has no <root_account> row', () => {
    expect(of('iam-root-not-used-recently', ACCOUNT_ID).status).toBe('unknown');
  });

  it('fails the uploaded server certificate: the emulator dates every one 2012-05-08 (pass: fixture test)', () => {
    const legacy = of('iam-server-certificate-not-expired', 'legacy-site');
    expect(legacy.status).toBe('fail');
    expect(legacy.resourceArn).toBe(`arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy-site`);
  });
});
