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
import { createOrganization, MANAGEMENT_ACCOUNT, ORG_REGION, seedMembers } from './org-seed.js';
import { BASE_CREDENTIALS } from './scale-seed.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS) || 50;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const REGION = ORG_REGION;
const MANAGEMENT = MANAGEMENT_ACCOUNT;

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
    const members = await createOrganization(moto.endpoint, ACCOUNTS);
    await seedMembers(moto.endpoint, members);
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
