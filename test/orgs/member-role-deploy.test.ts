import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReadOnlyPolicy, OPTIONAL_SPEND_ACTIONS } from '../../src/aws/iam-policy.js';
import { requiredIamActions } from '../../src/collectors/registry.js';
import {
  buildMemberRoleTemplate,
  DEFAULT_MEMBER_ROLE_NAME,
  renderTemplate,
  type TemplateFormat,
} from '../../src/orgs/member-role-template.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';

const EXTERNAL_ID = 'again-deployTestExternalId_abcdef012345';
const PRINCIPAL = 'arn:aws:iam::123456789012:role/again-console-server';

const NO_SUCH_ROLE = { name: expect.stringMatching(/^NoSuchEntity/) };

interface PolicyJson {
  Statement: { Effect: string; Action: string | string[]; Principal?: unknown; Condition?: unknown }[];
}
/** IAM returns policy documents URL-encoded (moto as AWS does). */
const decodePolicy = (text: string | undefined): PolicyJson => JSON.parse(decodeURIComponent(text ?? '{}'));

/** A member account of a fresh organization, and clients acting inside it (through its access role). */
async function memberAccount(email: string) {
  const organizations = new OrganizationsClient(motoClientConfig());
  const created = await organizations.send(new CreateAccountCommand({ AccountName: email, Email: email }));
  const accountId = created.CreateAccountStatus?.AccountId ?? '';
  organizations.destroy();
  const sts = new STSClient(motoClientConfig());
  const assumed = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'deploy-member-role',
    }),
  );
  sts.destroy();
  const c = assumed.Credentials;
  const config = {
    ...motoClientConfig(),
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    },
  };
  return { accountId, cloudformation: new CloudFormationClient(config), iam: new IAMClient(config) };
}

type Member = Awaited<ReturnType<typeof memberAccount>>;

async function deploy(
  member: Member,
  format: TemplateFormat,
  parameters: Parameter[] = [],
  actions = requiredIamActions(),
) {
  const { template } = buildMemberRoleTemplate({
    actions,
    externalId: EXTERNAL_ID,
    trustedPrincipalArn: PRINCIPAL,
  });
  await member.cloudformation.send(
    new CreateStackCommand({
      StackName: 'again-console-member-role',
      TemplateBody: renderTemplate(template, format),
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      Parameters: parameters,
    }),
  );
  const described = await member.cloudformation.send(
    new DescribeStacksCommand({ StackName: 'again-console-member-role' }),
  );
  return described.Stacks?.[0];
}

/** Every action the role's attached managed policies allow, with the number of policies. */
async function attachedActions(member: Member, roleName: string) {
  const attached = await member.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  const actions: string[] = [];
  for (const { PolicyArn } of attached.AttachedPolicies ?? []) {
    const policy = await member.iam.send(new GetPolicyCommand({ PolicyArn }));
    const version = await member.iam.send(
      new GetPolicyVersionCommand({ PolicyArn, VersionId: policy.Policy?.DefaultVersionId }),
    );
    for (const s of decodePolicy(version.PolicyVersion?.Document).Statement)
      actions.push(...[s.Action].flat());
  }
  return { actions, policyCount: attached.AttachedPolicies?.length ?? 0 };
}

describe('member-role template deployed with CreateStack in an organization member account (moto)', () => {
  const members: Member[] = [];
  const expected = buildReadOnlyPolicy(requiredIamActions()).actions;

  beforeAll(async () => {
    await resetMoto();
    const organizations = new OrganizationsClient(motoClientConfig());
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    organizations.destroy();
    for (const email of ['member-yaml@example.com', 'member-json@example.com', 'member-split@example.com'])
      members.push(await memberAccount(email));
  });
  afterAll(() => {
    for (const m of members) {
      m.cloudformation.destroy();
      m.iam.destroy();
    }
  });

  it('YAML, defaults: the role trusts the principal with the External ID and allows exactly the read actions', async () => {
    const member = members[0] as Member;
    const stack = await deploy(member, 'yaml');
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const roleArn = stack?.Outputs?.find((o) => o.OutputKey === 'RoleArn')?.OutputValue;
    expect(roleArn).toBe(`arn:aws:iam::${member.accountId}:role/${DEFAULT_MEMBER_ROLE_NAME}`);

    const { Role } = await member.iam.send(new GetRoleCommand({ RoleName: DEFAULT_MEMBER_ROLE_NAME }));
    expect(Role?.MaxSessionDuration).toBe(3600);
    expect(decodePolicy(Role?.AssumeRolePolicyDocument).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: PRINCIPAL },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
      },
    ]);

    const { actions, policyCount } = await attachedActions(member, DEFAULT_MEMBER_ROLE_NAME);
    expect(actions.sort()).toEqual([...expected].sort());
    // Cost Explorer is off by default: one policy fewer than with every option on.
    expect(policyCount).toBe(buildMemberRoleTemplate({ actions: requiredIamActions() }).policyCount - 1);
  });

  it('JSON, with IncludeCostExplorer=true and another role name: Cost Explorer attached too', async () => {
    const member = members[1] as Member;
    const stack = await deploy(member, 'json', [
      { ParameterKey: 'RoleName', ParameterValue: 'AuditFromJson' },
      { ParameterKey: 'IncludeCostExplorer', ParameterValue: 'true' },
    ]);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const { actions } = await attachedActions(member, 'AuditFromJson');
    expect(actions.sort()).toEqual([...expected, ...OPTIONAL_SPEND_ACTIONS].sort());
  });

  it('a policy too big for one document: all its managed policies are created and attached', async () => {
    const member = members[2] as Member;
    // Made-up read actions (moto does not check action names), enough for several documents.
    const synthetic = Array.from(
      { length: 400 },
      (_, i) => `svc${i % 9}:DescribeQuiteLongResourceTypeName${i}`,
    );
    const built = buildMemberRoleTemplate({ actions: synthetic });
    expect(built.readOnlyPolicies.length).toBeGreaterThan(2);
    const stack = await deploy(member, 'yaml', [], synthetic);
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const { actions, policyCount } = await attachedActions(member, DEFAULT_MEMBER_ROLE_NAME);
    expect(policyCount).toBe(built.readOnlyPolicies.length);
    expect(actions.sort()).toEqual(buildReadOnlyPolicy(synthetic).actions);
  });

  it('the role exists only in the member account it was deployed to', async () => {
    const management = new IAMClient(motoClientConfig());
    await expect(
      management.send(new GetRoleCommand({ RoleName: DEFAULT_MEMBER_ROLE_NAME })),
    ).rejects.toMatchObject(NO_SUCH_ROLE);
    management.destroy();
    await expect(
      (members[1] as Member).iam.send(new GetRoleCommand({ RoleName: DEFAULT_MEMBER_ROLE_NAME })),
    ).rejects.toMatchObject(NO_SUCH_ROLE);
  });
});
