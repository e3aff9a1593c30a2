import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { Agent, TestApp } from '../support/app.js';
import { motoClientConfig } from '../support/moto.js';
import { DEFAULT_MEMBERS, memberCredentials, refreshOrganization, seedOrganization } from '../support/org.js';

export interface SeedContext {
  t: TestApp;
  /** The victim: everything seeded belongs to this user. */
  owner: Agent;
  /** Values that must never reach the other user (nor any response or log, for the secret ones). */
  secrets: string[];
}

/**
 * Creates the owner's resources before the isolation suite probes every route. Each part APPENDS
 * a seeder for what its routes manage (collections, advisor runs, mutes…), so ids exist for
 * `:id` params and list routes have something that must not leak.
 */
export type Seeder = (ctx: SeedContext) => Promise<void>;

async function seedConnections({ owner, secrets }: SeedContext): Promise<void> {
  // The owner's keys live in an account of their own (not the emulator's default, which is also the
  // server's), so any appearance of that account id in the other user's responses is a real leak.
  const sts = new STSClient(motoClientConfig('us-east-1'));
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::444455556666:role/Seed', RoleSessionName: 'seed' }),
  );
  sts.destroy();
  const c = assumed.Credentials!;
  const iam = new IAMClient({
    ...motoClientConfig('us-east-1'),
    credentials: {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    },
  });
  const user = `seed-${owner.username}`;
  await iam.send(new CreateUserCommand({ UserName: user }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
  secrets.push(key.SecretAccessKey!, key.AccessKeyId!);
  iam.destroy();
  const byKeys = await owner.post('/api/connections', {
    kind: 'keys',
    name: 'owner keys',
    accessKeyId: key.AccessKeyId,
    secretAccessKey: key.SecretAccessKey,
  });
  if (byKeys.statusCode !== 201) throw new Error(`seed keys connection: ${byKeys.statusCode} ${byKeys.body}`);
  const byRole = await owner.post('/api/connections', {
    kind: 'role',
    name: 'owner role',
    roleArn: 'arn:aws:iam::111122223333:role/OwnerReadOnly',
  });
  if (byRole.statusCode !== 201) throw new Error(`seed role connection: ${byRole.statusCode} ${byRole.body}`);
}

/** An API token of the owner: its id must not show up for, nor be revocable by, anyone else. */
async function seedApiTokens({ owner, secrets }: SeedContext): Promise<void> {
  const res = await owner.post('/api/tokens', { name: 'owner ci', scope: 'read-run' });
  if (res.statusCode !== 201) throw new Error(`seed API token: ${res.statusCode} ${res.body}`);
  secrets.push((res.json() as { secret: string }).secret);
}

/**
 * A small completed advisor run (S3 of one region, through the owner's default connection): its
 * run id must not leak through /api/advisor/runs, /api/dashboard or any other list route.
 */
async function seedAdvisorRun({ owner }: SeedContext): Promise<void> {
  const res = await owner.post('/api/advisor/runs', { services: ['s3'], regions: ['us-east-1'] });
  if (res.statusCode !== 202) throw new Error(`seed advisor run: ${res.statusCode} ${res.body}`);
  const runId = (res.json() as { run: { runId: string } }).run.runId;
  for (let i = 0; i < 300; i++) {
    const poll = await owner.get(`/api/advisor/runs/${runId}`);
    const status = (poll.json() as { run?: { status?: string } }).run?.status;
    if (status === 'completed') return;
    if (status === 'failed' || poll.statusCode !== 200) throw new Error(`seed advisor run: ${poll.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`seed advisor run ${runId} did not finish`);
}

/**
 * A notification channel (its webhook URL and signing key are secrets), a rule, a delivery (a test
 * message to a port nobody listens on: it fails fast) and a schedule of the owner's connection.
 */
async function seedNotificationsAndSchedules({ owner, secrets }: SeedContext): Promise<void> {
  const signingSecret = `whsec-${owner.username}-0123456789abcdef`;
  const url = 'http://127.0.0.1:9/owner-hook-path-secret';
  secrets.push(signingSecret, 'owner-hook-path-secret');
  const channel = await owner.post('/api/notify/channels', {
    kind: 'webhook',
    name: 'owner hook',
    url,
    signingSecret,
  });
  if (channel.statusCode !== 201) throw new Error(`seed channel: ${channel.statusCode} ${channel.body}`);
  const channelId = (channel.json() as { channel: { id: string } }).channel.id;
  const test = await owner.post(`/api/notify/channels/${channelId}/test`);
  if (test.statusCode !== 200) throw new Error(`seed test delivery: ${test.statusCode} ${test.body}`);
  const rule = await owner.post('/api/notify/rules', {
    name: 'owner rule',
    channelIds: [channelId],
    triggers: { newFindingsMinSeverity: 'high', scanFailed: true },
  });
  if (rule.statusCode !== 201) throw new Error(`seed rule: ${rule.statusCode} ${rule.body}`);
  const connections = (await owner.get('/api/connections')).json() as { connections: { id: string }[] };
  const schedule = await owner.post('/api/schedules', {
    name: 'owner schedule',
    connectionId: connections.connections[0]?.id,
    cron: '0 9 * * 1',
    timeZone: 'Asia/Seoul',
    services: ['s3'],
    regions: ['us-east-1'],
  });
  if (schedule.statusCode !== 201) throw new Error(`seed schedule: ${schedule.statusCode} ${schedule.body}`);
}

/**
 * The owner's Spend figures (cached Cost Explorer answer of the default connection, with the
 * advisor run's savings beside it): the other user must get 404 for that connection on every
 * /api/spend route, and the cached answer must not change.
 */
async function seedSpend({ owner }: SeedContext): Promise<void> {
  const list = await owner.get('/api/connections');
  const connections = (list.json() as { connections: { id: string; isDefault: boolean }[] }).connections;
  const id = connections.find((c) => c.isDefault)?.id;
  const res = await owner.get(`/api/spend/${id}`);
  if (res.statusCode !== 200) throw new Error(`seed spend: ${res.statusCode} ${res.body}`);
}

/**
 * An organization connection of the owner with its discovered directory (the emulator's
 * organization: OU tree, members): every /api/orgs/* route gets the owner's connection id, and the
 * organization's and members' ids must not show for anyone else.
 */
async function seedOrganizationConnection({ owner }: SeedContext): Promise<void> {
  // Its own management account (not the emulator's default, which is also the server's): an
  // appearance of that id in the other user's responses is a real leak.
  const managementAccountId = '777788889999';
  await seedOrganization(DEFAULT_MEMBERS, undefined, await memberCredentials(managementAccountId));
  const created = await owner.post('/api/connections', {
    kind: 'role',
    name: 'owner organization',
    roleArn: `arn:aws:iam::${managementAccountId}:role/OwnerOrgReader`,
    organization: { memberRoleName: 'AgainConsoleAudit', externalId: 'owner-org-external-id' },
  });
  if (created.statusCode !== 201) throw new Error(`seed organization: ${created.statusCode} ${created.body}`);
  const id = (created.json() as { connection: { id: string } }).connection.id;
  const { organization, refresh } = await refreshOrganization(owner, id);
  if (organization?.managementAccountId !== managementAccountId || organization.counts.accounts < 2)
    throw new Error(`seed org refresh found the wrong organization: ${JSON.stringify(refresh)}`);
}

export const seeders: Seeder[] = [
  seedConnections,
  seedApiTokens,
  seedAdvisorRun,
  seedSpend,
  seedNotificationsAndSchedules,
  seedOrganizationConnection,
];
