/**
 * An AWS organization on the emulator (see AWS_EMULATOR.md, "Several accounts on one emulator"):
 * the default account 123456789012 becomes the management account, members get their own
 * isolated backends, and seeding a member means assuming its role first.
 */
import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { motoClientConfig, motoEndpoint } from './moto.js';

export const MANAGEMENT_ACCOUNT_ID = '123456789012';

export interface SeededOrg {
  organizationId: string;
  rootId: string;
  /** OU ids by name: Production (with Web below it) and Sandbox. */
  ous: { production: string; web: string; sandbox: string };
  /** Member account ids by their name in the seed. */
  members: Record<string, string>;
}

/** One member to create: its name and the OU (by seed name) it goes into; `root` stays at the root. */
export interface SeedMember {
  name: string;
  ou: 'root' | keyof SeededOrg['ous'];
  /** Closed with CloseAccount: Organizations reports it SUSPENDED. */
  suspended?: boolean;
}

export const DEFAULT_MEMBERS: SeedMember[] = [
  { name: 'prod-web', ou: 'web' },
  { name: 'prod-data', ou: 'production' },
  { name: 'sandbox-alice', ou: 'sandbox' },
  { name: 'shared-services', ou: 'root' },
  { name: 'closed-legacy', ou: 'sandbox', suspended: true },
];

/** Creates the organization, the OU tree (/Production/Web/, /Sandbox/) and the members. */
export async function seedOrganization(
  members: SeedMember[] = DEFAULT_MEMBERS,
  endpoint = motoEndpoint(),
): Promise<SeededOrg> {
  const org = new OrganizationsClient({ ...motoClientConfig('us-east-1', endpoint), maxAttempts: 3 });
  try {
    const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const organizationId = created.Organization?.Id ?? '';
    const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
    const ou = async (name: string, parentId: string) =>
      (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name })))
        .OrganizationalUnit?.Id ?? '';
    const production = await ou('Production', rootId);
    const ous = { production, web: await ou('Web', production), sandbox: await ou('Sandbox', rootId) };
    const ids: Record<string, string> = {};
    for (const member of members) {
      const status = await org.send(
        new CreateAccountCommand({ AccountName: member.name, Email: `${member.name}@example.com` }),
      );
      const id = status.CreateAccountStatus?.AccountId ?? '';
      ids[member.name] = id;
      if (member.ou !== 'root')
        await org.send(
          new MoveAccountCommand({
            AccountId: id,
            SourceParentId: rootId,
            DestinationParentId: ous[member.ou],
          }),
        );
      if (member.suspended) await org.send(new CloseAccountCommand({ AccountId: id }));
    }
    return { organizationId, rootId, ous, members: ids };
  } finally {
    org.destroy();
  }
}

/** Credentials inside a member account (any role name works on the emulator). */
export async function memberCredentials(
  accountId: string,
  endpoint = motoEndpoint(),
): Promise<AwsCredentialIdentity> {
  const sts = new STSClient(motoClientConfig('us-east-1', endpoint));
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
        RoleSessionName: 'seed',
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('the emulator gave no member credentials');
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken ?? '',
    };
  } finally {
    sts.destroy();
  }
}

/** Client options for a member account on the emulator. */
export async function memberClientConfig(accountId: string, region = 'us-east-1', endpoint = motoEndpoint()) {
  return { ...motoClientConfig(region, endpoint), credentials: await memberCredentials(accountId, endpoint) };
}
