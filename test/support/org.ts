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
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { expect } from 'vitest';
import { ConnectionResponse } from '../../src/shared/api/connections.js';
import { OrgResponse } from '../../src/shared/api/orgs.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { type Agent, createTestApp, signUp, type TestApp } from './app.js';
import { eventually } from './eventually.js';
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

/**
 * Creates the organization, the OU tree (/Production/Web/, /Sandbox/) and the members. With
 * `management` (credentials inside another account, e.g. `memberCredentials(id)`), that account
 * is the management account instead of the emulator's default one.
 */
export async function seedOrganization(
  members: SeedMember[] = DEFAULT_MEMBERS,
  endpoint = motoEndpoint(),
  management?: AwsCredentialIdentity,
): Promise<SeededOrg> {
  const org = new OrganizationsClient({
    ...motoClientConfig('us-east-1', endpoint),
    ...(management ? { credentials: management } : {}),
    maxAttempts: 3,
  });
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

/**
 * Reads the organization again through the API and waits for the refresh to finish (a refresh is
 * a job: 202, then GET /api/orgs/:id shows it running until it is done). Returns its outcome.
 */
export async function refreshOrganization(agent: Agent, orgId: string) {
  const started = await agent.post(`/api/orgs/${orgId}/refresh`);
  expect(started.statusCode, started.body).toBe(202);
  return await eventually(
    async () => {
      const org = OrgResponse.parse((await agent.get(`/api/orgs/${orgId}`)).json());
      if (org.refresh?.state === 'running') throw new Error('the refresh is still running');
      return org;
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
}

/** The agent's new organization connection on the management account (its directory not read yet). */
async function addOrganizationConnection(
  agent: Agent,
  organization: { memberRoleName: string; externalId?: string },
  name: string,
): Promise<string> {
  const created = await agent.post('/api/connections', {
    kind: 'role',
    name,
    roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
    organization,
  });
  expect(created.statusCode, created.body).toBe(201);
  return ConnectionResponse.parse(created.json()).connection.id;
}

/** The user's organization connection on the management account, its directory read. */
export async function connectOrganizationOf(
  agent: Agent,
  organization: { memberRoleName: string; externalId?: string } = { memberRoleName: 'AgainConsoleAudit' },
  name = 'management',
): Promise<string> {
  const orgId = await addOrganizationConnection(agent, organization, name);
  const refreshed = await refreshOrganization(agent, orgId);
  expect(refreshed.refresh?.state, JSON.stringify(refreshed.refresh)).toBe('completed');
  return orgId;
}

/**
 * The agent's organization connection (management role, member role AgainConsoleAudit with an
 * External ID; not refreshed yet) and a single-account connection in the management account.
 */
export async function addOrganizationConnections(agent: Agent): Promise<{ orgId: string; singleId: string }> {
  const orgId = await addOrganizationConnection(
    agent,
    { memberRoleName: 'AgainConsoleAudit', externalId: 'org-external-id-1' },
    'management',
  );
  const single = await agent.post('/api/connections', {
    kind: 'role',
    name: 'single',
    roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/Reader`,
  });
  expect(single.statusCode, single.body).toBe(201);
  return { orgId, singleId: ConnectionResponse.parse(single.json()).connection.id };
}

export interface ConnectedOrganization {
  t: TestApp;
  gate: Gate;
  seeded: SeededOrg;
  alice: Agent;
  bob: Agent;
  /** alice's organization connection (not refreshed yet) and her single-account connection. */
  orgId: string;
  singleId: string;
  close(): Promise<void>;
}

/**
 * The organization suites' common start: the default organization seeded, `sandbox-alice`'s member
 * role refused at a gate in front of the emulator, the given buckets created (by member name, or
 * `management`), an app behind the gate with users alice and bob, and alice's organization and
 * single-account connections.
 */
export async function connectOrganization(
  buckets: Record<string, string[]> = {},
): Promise<ConnectedOrganization> {
  const seeded = await seedOrganization();
  const gate = await startGate(motoEndpoint());
  gate.denyAssumeRole(`::${seeded.members['sandbox-alice']}:role/`);
  for (const [owner, names] of Object.entries(buckets)) {
    const s3 = new S3Client({
      ...(owner === 'management'
        ? motoClientConfig()
        : await memberClientConfig(seeded.members[owner] as string)),
      maxAttempts: 3,
    });
    for (const bucket of names) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    s3.destroy();
  }
  const t = await createTestApp({ env: { AWS_ENDPOINT_URL: gate.endpoint } });
  const alice = await signUp(t.app, 'alice');
  const bob = await signUp(t.app, 'bob');
  return {
    t,
    gate,
    seeded,
    alice,
    bob,
    ...(await addOrganizationConnections(alice)),
    async close() {
      await t.close();
      await gate.close();
    },
  };
}
