import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { iamAccountSummary } from '../../src/collectors/iam/account-summary.js';
import { iamCredentialReport, parseCredentialReport } from '../../src/collectors/iam/credential-report.js';
import { iamGroups } from '../../src/collectors/iam/groups.js';
import { iamPasswordPolicy } from '../../src/collectors/iam/password-policy.js';
import { iamPolicies } from '../../src/collectors/iam/policies.js';
import { PolicyParseError, parsePolicyDocument } from '../../src/collectors/iam/policy-document.js';
import { iamRoles } from '../../src/collectors/iam/roles.js';
import { iamUsers } from '../../src/collectors/iam/users.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const doc = (action: string, resource: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
  });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('iam collectors', () => {
  beforeAll(async () => {
    await resetMoto();
    const iam = new IAMClient(motoClientConfig());
    await iam.send(new CreateUserCommand({ UserName: 'alice', Tags: [{ Key: 'team', Value: 'ops' }] }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Very-long-pass-123!' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'own-bucket',
        PolicyDocument: doc('s3:GetObject', 'arn:aws:s3:::a/*'),
      }),
    );
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: ADMIN }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'alice' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: READ_ONLY }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'readers',
        PolicyName: 'logs',
        PolicyDocument: doc('logs:Get*', '*'),
      }),
    );
    const star = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'star-policy', PolicyDocument: doc('*', '*') }),
    );
    await iam.send(
      new CreatePolicyCommand({ PolicyName: 'narrow-policy', PolicyDocument: doc('ec2:Describe*', '*') }),
    );
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: trust }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: star.Policy?.Arn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: ADMIN }));
  });

  it('reads users, groups, roles and policies from one GetAccountAuthorizationDetails sequence', async () => {
    const harness = createHarness();
    const users = await harness.run(iamUsers);
    const groups = await harness.run(iamGroups);
    const roles = await harness.run(iamRoles);
    const policies = await harness.run(iamPolicies);

    const alice = users.find((u) => u.userName === 'alice');
    expect(alice).toMatchObject({
      region: 'global',
      arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:user/alice`,
      groups: ['readers'],
      attachedPolicies: [],
      tags: [{ key: 'team', value: 'ops' }],
    });
    expect(alice?.inlinePolicies).toEqual([
      { policyName: 'own-bucket', document: JSON.parse(doc('s3:GetObject', 'arn:aws:s3:::a/*')) },
    ]);
    expect(users.find((u) => u.userName === 'bob')?.attachedPolicies).toEqual([
      { policyName: 'AdministratorAccess', policyArn: ADMIN },
    ]);
    expect(groups).toEqual([
      {
        region: 'global',
        groupName: 'readers',
        arn: `arn:aws:iam::${TEST_ACCOUNT_ID}:group/readers`,
        attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: READ_ONLY }],
        inlinePolicies: [{ policyName: 'logs', document: JSON.parse(doc('logs:Get*', '*')) }],
      },
    ]);
    expect(roles).toHaveLength(1);
    expect(roles[0]?.assumeRolePolicy).toEqual(JSON.parse(trust));
    expect(roles[0]?.attachedPolicies.map((p) => p.policyName).sort()).toEqual([
      'AdministratorAccess',
      'star-policy',
    ]);

    const byName = new Map(policies.map((p) => [p.policyName, p]));
    expect([...byName.keys()].sort()).toEqual([
      'AdministratorAccess',
      'ReadOnlyAccess',
      'narrow-policy',
      'star-policy',
    ]);
    expect(byName.get('star-policy')).toMatchObject({
      awsManaged: false,
      allowsAdminAccess: true,
      defaultVersionId: 'v1',
    });
    expect(byName.get('narrow-policy')).toMatchObject({ awsManaged: false, allowsAdminAccess: false });
    expect(byName.get('AdministratorAccess')).toMatchObject({
      arn: ADMIN,
      awsManaged: true,
      allowsAdminAccess: true,
    });
    expect(byName.get('AdministratorAccess')?.document?.Statement.length).toBeGreaterThan(0);
    expect(byName.get('ReadOnlyAccess')).toMatchObject({ awsManaged: true, allowsAdminAccess: false });

    expect(harness.calls.get('GetAccountAuthorizationDetails')).toBe(1);
    expect(harness.calls.get('GetPolicy')).toBe(2);
    expect(harness.calls.get('GetPolicyVersion')).toBe(2);
    expect(harness.fieldErrors).toEqual([]);
  });

  it('marks an AWS-managed policy unknown, not harmless, when its document cannot be read', async () => {
    const harness = createHarness({ deny: ['GetPolicyVersion'] });
    const admin = (await harness.run(iamPolicies)).find((p) => p.arn === ADMIN);
    expect(admin?.document).toBeUndefined();
    expect(admin?.fieldErrors?.allowsAdminAccess).toMatchObject({
      operation: 'GetPolicyVersion',
      code: 'AccessDenied',
    });
  });

  it('collects the credential report', async () => {
    const harness = createHarness();
    const rows = await harness.run(iamCredentialReport);
    const byUser = new Map(rows.map((r) => [r.user, r]));
    expect(byUser.get('alice')).toMatchObject({
      region: 'global',
      passwordEnabled: true,
      accessKey1Active: false,
      mfaActive: false,
    });
    expect(byUser.get('bob')).toMatchObject({
      passwordEnabled: false,
      accessKey1Active: true,
      accessKey2Active: false,
    });
    expect(byUser.get('bob')?.accessKey1LastRotated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(byUser.get('bob')?.passwordLastUsed).toBeUndefined();
    expect(harness.calls.get('GetCredentialReport')).toBe(1);
  });

  it('answers null without a password policy, then the policy; and the account summary', async () => {
    expect(await createHarness().run(iamPasswordPolicy)).toEqual([{ region: 'global', policy: null }]);
    await new IAMClient(motoClientConfig()).send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        PasswordReusePrevention: 24,
        RequireSymbols: true,
      }),
    );
    const [record] = await createHarness().run(iamPasswordPolicy);
    expect(record?.policy).toMatchObject({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      requireSymbols: true,
    });

    const [summary] = await createHarness().run(iamAccountSummary);
    expect(summary?.summary).toMatchObject({ Users: 2, Groups: 1, Roles: 1 });
    expect(summary?.summary.AccountMFAEnabled).toBe(0);
  });

  it('fails the password-policy collector (not "no policy") when the call is denied', async () => {
    await expect(
      createHarness({ deny: ['GetAccountPasswordPolicy'] }).run(iamPasswordPolicy),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('parses credential-report CSV, turning N/A and no_information into undefined', () => {
    const csv = [
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date',
      '<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A',
      'carol,arn:aws:iam::1:user/carol,2021-02-03T04:05:06+00:00,true,no_information,2021-02-03T04:05:06+00:00,N/A,false,true,2021-02-03T04:05:06+00:00,N/A,N/A,N/A,false,N/A,N/A',
    ].join('\n');
    const [root, carol] = parseCredentialReport(csv);
    expect(root).toEqual({
      region: 'global',
      user: '<root_account>',
      arn: 'arn:aws:iam::1:root',
      userCreationTime: '2020-01-01T00:00:00.000Z',
      passwordEnabled: false,
      passwordLastUsed: '2024-05-01T10:00:00.000Z',
      mfaActive: true,
      accessKey1Active: false,
      accessKey2Active: false,
    });
    expect(carol).toMatchObject({
      passwordEnabled: true,
      accessKey1Active: true,
      accessKey1LastRotated: '2021-02-03T04:05:06.000Z',
    });
    expect(carol?.passwordLastUsed).toBeUndefined();
    expect(carol?.accessKey1LastUsedDate).toBeUndefined();
  });

  it('parses URL-encoded documents and rejects malformed ones with a clear error', () => {
    expect(parsePolicyDocument(encodeURIComponent(doc('*', '*'))).Statement).toEqual([
      { Effect: 'Allow', Action: '*', Resource: '*' },
    ]);
    expect(parsePolicyDocument('{"Statement":{"Effect":"Deny","NotAction":"s3:*"}}').Statement).toHaveLength(
      1,
    );
    expect(() => parsePolicyDocument('{"Statement": [')).toThrow(PolicyParseError);
    expect(() => parsePolicyDocument('{"Statement":[{"Effect":"Maybe"}]}')).toThrow(/unexpected shape/);
    expect(() => parsePolicyDocument('%E0%A4%A')).toThrow(PolicyParseError);
  });
});
