/**
 * End to end for IAM: seed users, groups, policies and the password policy in the emulator,
 * collect with the real runner, advise with the real engine.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const NOW = new Date();

async function seed(): Promise<void> {
  const iam = new IAMClient(motoClientConfig());
  await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
  await iam.send(
    new AttachGroupPolicyCommand({
      GroupName: 'admins',
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-Horse-9-Battery' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'alice' }));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'bob',
      PolicyName: 'read-reports',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
      }),
    }),
  );
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 24 }),
  );
  iam.destroy();
}

describe('IAM advisor end to end (moto → runner → engine)', () => {
  const { findings, of } = advisedAccount(seed, { collect: ['iam'], now: NOW });

  it('evaluates every IAM check without unknowns (but root use: the emulator has no root row)', () => {
    expect(
      findings().filter((f) => f.status === 'unknown' && f.checkId !== 'iam-root-not-used-recently'),
    ).toEqual([]);
  });

  it('reports account-level findings once, on the account', () => {
    // moto always answers AccountMFAEnabled = 0.
    expect(of('iam-root-mfa-enabled', ACCOUNT_ID).status).toBe('fail');
    expect(of('iam-root-no-access-keys', ACCOUNT_ID).status).toBe('pass');
    const policy = of('iam-password-policy-strong', ACCOUNT_ID);
    expect(policy.status).toBe('fail');
    expect(policy.message.en).toContain('MinimumPasswordLength 8 < 14');
  });

  it('reports per-user findings from the credential report and the policies', () => {
    expect(of('iam-user-console-mfa', 'alice').status).toBe('fail');
    expect(of('iam-user-console-mfa', 'bob').status).toBe('not_applicable');
    expect(of('iam-user-access-keys-rotated', 'bob').status).toBe('pass');
    expect(of('iam-user-access-keys-rotated', 'alice').status).toBe('not_applicable');
    expect(of('iam-user-credentials-used', 'alice').status).toBe('pass');
    expect(of('iam-user-credentials-used', 'bob').status).toBe('pass');
    const alice = of('iam-user-no-admin-access', 'alice');
    expect(alice.status).toBe('fail');
    expect(alice.message.en).toContain('group admins');
    expect(of('iam-user-no-admin-access', 'bob').status).toBe('pass');
    expect(of('iam-user-no-direct-policies', 'bob').status).toBe('fail');
    expect(of('iam-user-no-direct-policies', 'alice').status).toBe('pass');
  });
});
