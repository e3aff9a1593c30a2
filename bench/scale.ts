/**
 * npm run bench:scale — N member accounts (each the same mid-size estate) behind a proxy that adds
 * 50 ms to every AWS call, collected with 1, 2 and 4 real `npm run worker` processes on a real
 * redis-server; the web tier (WORKERS=0) runs in this process. Prints wall time, AWS calls,
 * throughput, the emulator's CPU and each worker's peak RSS. BENCH_ACCOUNTS (default 8),
 * BENCH_WORKERS (default "1,2,4"), BENCH_LATENCY_MS (default 50).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeApp } from '../src/app/compose.js';
import { loadConfig } from '../src/config/config.js';
import { SERVICE_IDS } from '../src/core/services.js';
import { createLogger } from '../src/logging/logger.js';
import { buildApp } from '../src/server/app.js';
import { CollectionResponse } from '../src/shared/api/collections.js';
import { signUp } from '../test/support/app.js';
import { startLatencyProxy } from '../test/support/latency-proxy.js';
import { startMoto } from '../test/support/moto-process.js';
import { startRedis } from '../test/support/redis-process.js';
import { BASE_CREDENTIALS, memberRoleArn, SCALE_REGIONS, seedMember } from './scale-seed.js';

const ROOT = resolve(import.meta.dirname, '..');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS) || 8;
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const WORKER_STARTED = 'again-console worker started';

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The pids of `pid`'s process tree (npm → sh → tsx → node). */
async function treeOf(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.split(') ')[1]?.split(' ')[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const inTree = (p: number): boolean => p === pid || (parents.has(p) && inTree(parents.get(p) ?? 0));
  return [...parents.keys()].filter(inTree);
}

/** CPU seconds used so far by a whole process tree. */
async function treeCpuSeconds(pid: number): Promise<number> {
  let sum = 0;
  for (const p of await treeOf(pid)) sum += await cpuSeconds(p).catch(() => 0);
  return sum;
}

/** Peak resident set (VmHWM, MB) of the largest process in `pid`'s tree (the worker's node). */
async function peakRssMb(pid: number): Promise<number> {
  let peak = 0;
  for (const p of await treeOf(pid)) {
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  }
  return peak;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('npm', ['run', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolveStarted, reject) => {
    let tail = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-200);
      if (tail.includes(WORKER_STARTED)) resolveStarted(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it started`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const moto = await startMoto();
  const redis = await startRedis();
  const proxy = await startLatencyProxy(moto.endpoint, LATENCY_MS);
  const dataDir = await mkdtemp(join(tmpdir(), 'again-bench-scale-'));
  const env = {
    SECRET_KEY: 'bench-secret-key-0123456789abcdef',
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: proxy.endpoint,
    AWS_ACCESS_KEY: BASE_CREDENTIALS.accessKeyId,
    AWS_SECRET_KEY: BASE_CREDENTIALS.secretAccessKey,
    REDIS_URL: redis.url,
  };
  const deps = await composeApp(loadConfig({ ...env, WORKERS: '0' }), {
    logger: createLogger({ level: 'warn', console: false }),
    rateLimitPerMinute: 100_000,
  });
  const app = await buildApp(deps);
  await app.ready();
  try {
    const seedStart = Date.now();
    for (let n = 1; n <= ACCOUNTS; n++) await seedMember(moto.endpoint, n);
    console.log(`seeded ${ACCOUNTS} accounts in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    const alice = await signUp(app, 'bench');
    const connections: string[] = [];
    for (let n = 1; n <= ACCOUNTS; n++) {
      const res = await alice.post('/api/connections', {
        kind: 'role',
        name: `member-${n}`,
        roleArn: memberRoleArn(n),
      });
      if (res.statusCode !== 201) throw new Error(`connection ${n}: ${res.statusCode} ${res.body}`);
      connections.push((res.json() as { connection: { id: string } }).connection.id);
    }
    const rows: string[] = [];
    let baseline = 0;
    for (const count of WORKER_COUNTS) {
      const workers = await Promise.all(Array.from({ length: count }, () => startWorker(env)));
      const callsBefore = proxy.requests();
      const cpuBefore = await cpuSeconds(moto.process.pid);
      const workersCpuBefore = await Promise.all(workers.map((w) => treeCpuSeconds(w.pid ?? 0)));
      const webCpuBefore = process.cpuUsage();
      const started = performance.now();
      const ids = await Promise.all(
        connections.map(async (connectionId) => {
          const res = await alice.post('/api/collections', {
            connectionId,
            services: [...SERVICE_IDS],
            regions: SCALE_REGIONS,
          });
          if (res.statusCode !== 202) throw new Error(`collection: ${res.statusCode} ${res.body}`);
          return CollectionResponse.parse(res.json()).collection.id;
        }),
      );
      const statuses: string[] = [];
      for (const id of ids) {
        for (;;) {
          const c = CollectionResponse.parse((await alice.get(`/api/collections/${id}`)).json()).collection;
          if (!['queued', 'running'].includes(c.status)) {
            statuses.push(c.status);
            break;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      const wallS = (performance.now() - started) / 1000;
      const calls = proxy.requests() - callsBefore;
      const motoCpu = (await cpuSeconds(moto.process.pid)) - cpuBefore;
      const webCpu = process.cpuUsage(webCpuBefore);
      const workersCpu = (await Promise.all(workers.map((w) => treeCpuSeconds(w.pid ?? 0)))).reduce(
        (sum, cpu, i) => sum + cpu - (workersCpuBefore[i] ?? 0),
        0,
      );
      const rss = await Promise.all(workers.map((w) => peakRssMb(w.pid ?? 0)));
      await Promise.all(workers.map(stopWorker));
      const throughput = calls / wallS;
      baseline ||= throughput;
      const row = `| ${count} | ${wallS.toFixed(1)} s | ${calls} | ${throughput.toFixed(1)} calls/s | ${(throughput / baseline).toFixed(2)}× | ${motoCpu.toFixed(1)} s (${((motoCpu / wallS) * 100).toFixed(0)} % of one core) | ${workersCpu.toFixed(1)} s | ${((webCpu.user + webCpu.system) / 1e6).toFixed(1)} s | ${rss.map((r) => `${r.toFixed(0)} MB`).join(', ')} |`;
      console.log(`${row}  statuses: ${[...new Set(statuses)].join(', ')}`);
      rows.push(row);
    }
    console.log(
      `\n${ACCOUNTS} accounts × ${SCALE_REGIONS.length} regions, every service, ${LATENCY_MS} ms per AWS call, WORKER_CONCURRENCY ${process.env.WORKER_CONCURRENCY || 'default (2)'}`,
    );
    console.log(
      '| workers | wall | AWS calls | throughput | vs 1 | emulator CPU | workers CPU | web + proxy CPU | peak RSS per worker |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `web tier + proxy (this process) max RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  } finally {
    await app.close();
    await proxy.close();
    await redis.stop();
    await moto.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
