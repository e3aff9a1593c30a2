/**
 * npm run bench:org — an AWS organization of BENCH_ACCOUNTS (default 50) small member accounts on
 * one emulator, behind a proxy adding BENCH_LATENCY_MS (default 20) to every AWS call. Through the
 * real API of one `npm start`-style process (in-process queue, local storage): connect the
 * management account as an organization connection, refresh (discovery + one member-role check per
 * account), then collect every member (all services, one region) and print wall times, AWS calls
 * per phase and per account, and the process's peak RSS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { composeApp } from '../src/app/compose.js';
import { loadConfig } from '../src/config/config.js';
import { SERVICE_IDS } from '../src/core/services.js';
import { createLogger } from '../src/logging/logger.js';
import { buildApp } from '../src/server/app.js';
import { CollectionResponse } from '../src/shared/api/collections.js';
import { OrgAccountsResponse, OrgResponse } from '../src/shared/api/orgs.js';
import { signUp } from '../test/support/app.js';
import { startLatencyProxy } from '../test/support/latency-proxy.js';
import { startMoto } from '../test/support/moto-process.js';
import { BASE_CREDENTIALS } from './scale-seed.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS) || 50;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const REGION = 'us-east-1';
const MANAGEMENT = '123456789012';

/** A member's small estate: two instances, two buckets, one IAM user (seeded directly on the emulator). */
async function seedMember(endpoint: string, accountId: string, n: number): Promise<void> {
  const sts = new STSClient({ region: REGION, endpoint, credentials: BASE_CREDENTIALS });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'seed',
    }),
  );
  sts.destroy();
  const c = out.Credentials;
  const credentials = {
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken ?? '',
  };
  const config = { region: REGION, endpoint, credentials, maxAttempts: 3 };
  const ec2 = new EC2Client(config);
  await ec2.send(
    new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 2, MaxCount: 2 }),
  );
  ec2.destroy();
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  for (const i of [1, 2]) await s3.send(new CreateBucketCommand({ Bucket: `org-bench-${n}-${i}` }));
  s3.destroy();
  const iam = new IAMClient(config);
  await iam.send(new CreateUserCommand({ UserName: `member-${n}-user` }));
  iam.destroy();
}

async function main(): Promise<void> {
  const moto = await startMoto();
  const proxy = await startLatencyProxy(moto.endpoint, LATENCY_MS);
  const dataDir = await mkdtemp(join(tmpdir(), 'again-bench-org-'));
  const deps = await composeApp(
    loadConfig({
      SECRET_KEY: 'bench-secret-key-0123456789abcdef',
      DATA_DIR: dataDir,
      LOG_DIR: join(dataDir, 'logs'),
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL: proxy.endpoint,
      AWS_ACCESS_KEY: BASE_CREDENTIALS.accessKeyId,
      AWS_SECRET_KEY: BASE_CREDENTIALS.secretAccessKey,
    }),
    { logger: createLogger({ level: 'warn', console: false }), rateLimitPerMinute: 100_000 },
  );
  const app = await buildApp(deps);
  await app.ready();
  try {
    const seedStart = performance.now();
    const org = new OrganizationsClient({
      region: REGION,
      endpoint: moto.endpoint,
      credentials: BASE_CREDENTIALS,
    });
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const members: string[] = [];
    for (let n = 1; n <= ACCOUNTS; n++) {
      const created = await org.send(
        new CreateAccountCommand({ AccountName: `member-${n}`, Email: `member-${n}@example.com` }),
      );
      members.push(created.CreateAccountStatus?.AccountId ?? '');
    }
    org.destroy();
    const seedLimit = pLimit(4);
    await Promise.all(members.map((id, i) => seedLimit(() => seedMember(moto.endpoint, id, i + 1))));
    console.log(
      `seeded ${ACCOUNTS} member accounts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const user = await signUp(app, 'bench');
    const conn = await user.post('/api/connections', {
      kind: 'role',
      name: 'management',
      roleArn: `arn:aws:iam::${MANAGEMENT}:role/OrgReader`,
      organization: { memberRoleName: 'AgainConsoleAudit' },
    });
    if (conn.statusCode !== 201) throw new Error(`connection: ${conn.statusCode} ${conn.body}`);
    const connectionId = (conn.json() as { connection: { id: string } }).connection.id;

    let calls = proxy.requests();
    let started = performance.now();
    const refreshed = await user.post(`/api/orgs/${connectionId}/refresh`);
    if (refreshed.statusCode !== 202) throw new Error(`refresh: ${refreshed.statusCode} ${refreshed.body}`);
    const acceptedMs = performance.now() - started;
    let orgState = OrgResponse.parse(refreshed.json());
    while (orgState.refresh?.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      orgState = OrgResponse.parse((await user.get(`/api/orgs/${connectionId}`)).json());
    }
    if (orgState.refresh?.state !== 'completed')
      throw new Error(`refresh: ${JSON.stringify(orgState.refresh)}`);
    const counts = orgState.organization?.counts;
    const refreshS = (performance.now() - started) / 1000;
    const refreshCalls = proxy.requests() - calls;
    console.log(
      `refresh: 202 after ${acceptedMs.toFixed(0)} ms, done after ${refreshS.toFixed(1)} s, ${refreshCalls} AWS calls, counts ${JSON.stringify(counts)}`,
    );

    started = performance.now();
    const page = OrgAccountsResponse.parse(
      (await user.get(`/api/orgs/${connectionId}/accounts?limit=50`)).json(),
    );
    console.log(
      `one page of the account list: ${(performance.now() - started).toFixed(0)} ms (${page.accounts.length} of ${page.total})`,
    );

    calls = proxy.requests();
    started = performance.now();
    const ids = await Promise.all(
      members.map(async (accountId) => {
        const res = await user.post('/api/collections', {
          connectionId,
          accountId,
          services: [...SERVICE_IDS],
          regions: [REGION],
        });
        if (res.statusCode !== 202) throw new Error(`collection ${accountId}: ${res.statusCode} ${res.body}`);
        return CollectionResponse.parse(res.json()).collection.id;
      }),
    );
    const startS = (performance.now() - started) / 1000;
    const statuses = new Map<string, number>();
    for (const id of ids) {
      for (;;) {
        const c = CollectionResponse.parse((await user.get(`/api/collections/${id}`)).json()).collection;
        if (!['queued', 'running'].includes(c.status)) {
          statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const collectS = (performance.now() - started) / 1000;
    const collectCalls = proxy.requests() - calls;
    console.log(
      `\n${ACCOUNTS} member accounts, every service (${SERVICE_IDS.length}), ${REGION}, ${LATENCY_MS} ms per AWS call, one process (in-process queue)`,
    );
    console.log('| phase | wall | AWS calls | per account |');
    console.log('|---|---|---|---|');
    console.log(
      `| refresh (discovery + role checks) | ${refreshS.toFixed(1)} s | ${refreshCalls} | ${(refreshCalls / ACCOUNTS).toFixed(1)} |`,
    );
    console.log(`| start ${ACCOUNTS} collections (HTTP) | ${startS.toFixed(1)} s | — | — |`);
    console.log(
      `| collect every member | ${collectS.toFixed(1)} s | ${collectCalls} | ${(collectCalls / ACCOUNTS).toFixed(1)} |`,
    );
    console.log(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await app.close();
    await proxy.close();
    await moto.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
