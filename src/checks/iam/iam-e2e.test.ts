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
import { beforeAll, describe, expect, it } from 'vitest';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../../../test/support/moto.js';
import { runCollection } from '../../collectors/runner.js';
import type { Finding } from '../../core/findings.js';
import type { Snapshot } from '../../core/snapshot.js';
import { embeddedPriceBook } from '../../pricing/embedded.js';
import { runChecks } from '../engine.js';

const ACCOUNT_ID = '123456789012';
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

async function collectAndAdvise(): Promise<Finding[]> {
  const result = await runCollection({
    credentials: testCredentials,
    accountId: ACCOUNT_ID,
    endpoint: motoEndpoint(),
    request: { services: ['iam'], regions: ['us-east-1'] },
    now: NOW,
  });
  const snapshot: Snapshot = {
    collectedAt: NOW.toISOString(),
    data: Object.assign({}, ...result.documents.map((d) => d.data)),
    metadata: {
      ...result.outcome,
      id: 'e2e',
      username: 'e2e',
      connectionId: 'e2e',
      accountId: ACCOUNT_ID,
      status: result.outcome.errors.length > 0 ? 'completed_with_errors' : 'completed',
      requestedAt: NOW.toISOString(),
    },
  };
  return runChecks({ snapshot, services: ['iam'], prices: embeddedPriceBook() });
}

describe('IAM advisor end to end (moto → runner → engine)', () => {
  let findings: Finding[] = [];
  const of = (checkId: string, resourceId: string) => {
    const matches = findings.filter((f) => f.checkId === checkId && f.resourceId === resourceId);
    expect(matches, `${checkId} ${resourceId}`).toHaveLength(1);
    return matches[0] as Finding;
  };

  beforeAll(async () => {
    await resetMoto();
    await seed();
    findings = await collectAndAdvise();
  });

  it('evaluates every IAM check without unknowns', () => {
    expect(findings.filter((f) => f.status === 'unknown')).toEqual([]);
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
