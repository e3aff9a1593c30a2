/**
 * npm run bench:collect — seeds the emulator with a large account and times the real runner.
 *
 * 2,000 instances, ~3,100 volumes, 320 snapshots, 200 buckets, 150 functions, 40 databases and
 * 150 users over 4 regions, with 14 days of daily EC2 metrics (CPU, NetworkIn, NetworkOut), plus
 * the part-2 services at a mid-size scale (bench/seed-services.ts), then runCollection over every
 * service. Prints wall time, API calls by operation and by AWS API, time by service, peak memory,
 * and (unless BENCH_SCALING=0) the part-2 services' calls at N and 2N resources.
 * The emulator is test/support/moto_server.py (moto with an indexed CloudWatch store).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectors } from '../src/collectors/registry.js';
import { createRunCollection } from '../src/collectors/runner.js';
import type { CollectorId } from '../src/core/records.js';
import { SERVICE_IDS, type ServiceId } from '../src/core/services.js';
import { startMoto } from '../test/support/moto-process.js';
import { compareScales, printScaling } from './call-kinds.js';
import { part2Collectors, part2Services, printCallsByApi, printServiceTimes } from './per-service.js';
import { replayRecorded } from './replay.js';
import { ACCOUNT, credentials, REGIONS, seedBenchAccount } from './seed.js';
import { servicesSeeder } from './seed-services.js';

// About what the runner keeps in flight at once (8 per account × region × service, most units done).
const FLOOR_CONCURRENCY = 32;
const PROFILE_FILE = join(tmpdir(), `again-bench-profile-${process.pid}.json`);
const RECORD_FILE = join(tmpdir(), `again-bench-requests-${process.pid}.jsonl`);

/** CPU seconds (user + system) a process has used, from /proc (Linux), or NaN elsewhere. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface OperationProfile {
  count: number;
  cpu: number;
  wall: number;
}

/** The emulator's own per-operation profile (test/support/moto_profile.py), written on demand. */
async function emulatorProfile(endpoint: string): Promise<Record<string, OperationProfile>> {
  await fetch(`${endpoint}/_test/profile-dump`, { method: 'POST' });
  return JSON.parse(readFileSync(PROFILE_FILE, 'utf8')) as Record<string, OperationProfile>;
}

async function main(): Promise<void> {
  // The emulator profiles every operation and records the collection's requests for the replay.
  process.env.AGAIN_MOTO_PROFILE = PROFILE_FILE;
  process.env.AGAIN_MOTO_RECORD = RECORD_FILE;
  // Keep-alive connections, as AWS endpoints offer (stock moto closes each one: BENCH_HTTP10=1).
  if (!process.env.BENCH_HTTP10) process.env.AGAIN_MOTO_KEEPALIVE = '1';
  const moto = await startMoto();
  try {
    const seedStart = Date.now();
    await seedBenchAccount(moto.endpoint);
    const seedMs = Date.now() - seedStart;
    const servicesSeedStart = Date.now();
    const part2 = servicesSeeder({ endpoint: moto.endpoint, credentials }, REGIONS, ACCOUNT);
    await part2.addSlice();
    const servicesSeedMs = Date.now() - servicesSeedStart;

    let peakRss = 0;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    // Profile and record only the collection, not the seeding.
    await fetch(`${moto.endpoint}/_test/profile-reset`, { method: 'POST' });
    // BENCH_CONCURRENCY overrides the per account × region × service bound (to study its effect).
    const perServiceConcurrency = Number(process.env.BENCH_CONCURRENCY) || undefined;
    const collect = async (
      services: ServiceId[] = [...SERVICE_IDS],
      chosen: CollectorId[] | undefined = undefined,
    ) => {
      const motoCpuBefore = cpuSecondsOf(moto.process.pid);
      const nodeCpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await createRunCollection({ perServiceConcurrency })({
        credentials,
        accountId: ACCOUNT,
        endpoint: moto.endpoint,
        request: { services, regions: REGIONS, ...(chosen ? { collectors: chosen } : {}) },
      });
      const nodeCpuUsage = process.cpuUsage(nodeCpuBefore);
      return {
        result,
        wallMs: performance.now() - started,
        motoCpu: cpuSecondsOf(moto.process.pid) - motoCpuBefore,
        nodeCpu: (nodeCpuUsage.user + nodeCpuUsage.system) / 1e6,
      };
    };
    const { result, wallMs, motoCpu, nodeCpu } = await collect();
    const profile = await emulatorProfile(moto.endpoint);
    clearInterval(sampler);

    const calls = result.outcome.apiCalls ?? {};
    const byService: Record<string, number> = {};
    for (const [op, n] of Object.entries(calls)) {
      const service = op.slice(0, op.indexOf('.'));
      byService[service] = (byService[service] ?? 0) + n;
    }
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(`collectors registered: ${collectors.map((c) => c.id).join(', ')}`);
    console.log(
      `seeding: ${(seedMs / 1000).toFixed(1)} s, part-2 services ${(servicesSeedMs / 1000).toFixed(1)} s`,
    );
    console.log(`collection wall time: ${(wallMs / 1000).toFixed(1)} s`);
    // On a shared, busy machine wall time inflates; CPU seconds show what the work itself costs.
    console.log(`CPU during collection: emulator ${motoCpu.toFixed(1)} s, runner ${nodeCpu.toFixed(1)} s`);
    console.log(`API calls: ${total}`);
    console.log(`  by service: ${JSON.stringify(byService)}`);
    for (const [op, n] of Object.entries(calls)) console.log(`  ${op.padEnd(44)} ${n}`);
    printCallsByApi(calls);
    printServiceTimes(result.outcome);
    const slowest = Object.entries(result.outcome.results)
      .flatMap(([id, perRegion]) =>
        Object.entries(perRegion ?? {}).map(([region, o]) => ({
          unit: `${id}@${region}`,
          ms: 'durationMs' in o ? (o.durationMs ?? 0) : 0,
        })),
      )
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8);
    console.log(`slowest units: ${slowest.map((s) => `${s.unit} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
    console.log(`resource counts: ${JSON.stringify(result.outcome.resourceCounts)}`);
    console.log(
      `errors: ${result.outcome.errors.length}${result.outcome.errors.length ? ` e.g. ${JSON.stringify(result.outcome.errors.slice(0, 3))}` : ''}`,
    );
    console.log(
      `peak RSS during collection: ${mb(peakRss)}; peak heap used: ${mb(peakHeap)}; process maxRSS: ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );

    const emulatorCpu = Object.values(profile).reduce((a, p) => a + p.cpu, 0);
    const heaviest = Object.entries(profile)
      .sort((a, b) => b[1].cpu - a[1].cpu)
      .slice(0, 8)
      .map(([op, p]) => `${op} ${p.count}× ${p.cpu.toFixed(1)} s`);
    console.log(
      `emulator CPU inside request handlers: ${emulatorCpu.toFixed(1)} s; heaviest: ${heaviest.join(', ')}`,
    );

    // The floor: the same HTTP requests replayed raw (no SDK, no runner) at the runner's overall
    // concurrency. A collector issuing this call set cannot beat it on this emulator and machine.
    await fetch(`${moto.endpoint}/_test/profile-reset`, { method: 'POST' });
    const floorCpuBefore = cpuSecondsOf(moto.process.pid);
    const floor = await replayRecorded(moto.endpoint, RECORD_FILE, FLOOR_CONCURRENCY);
    const floorCpu = cpuSecondsOf(moto.process.pid) - floorCpuBefore;
    console.log(
      `emulator floor (same ${floor.requests} requests replayed raw, ${FLOOR_CONCURRENCY} at a time): ` +
        `${(floor.wallMs / 1000).toFixed(1)} s wall, emulator ${floorCpu.toFixed(1)} s CPU, ` +
        `statuses ${JSON.stringify(floor.statuses)}`,
    );
    // The first collection also paid the emulator's warm-up (lazy imports, first call per region
    // and service); the replay did not. A second, warm collection compares like with like.
    const warm = await collect();
    console.log(
      `warm collection (same account again): ${(warm.wallMs / 1000).toFixed(1)} s wall, ` +
        `emulator ${warm.motoCpu.toFixed(1)} s CPU, runner ${warm.nodeCpu.toFixed(1)} s CPU, ` +
        `${warm.result.outcome.errors.length} errors`,
    );
    console.log(
      `collection / floor: first ${(wallMs / floor.wallMs).toFixed(2)} ×, warm ${(warm.wallMs / floor.wallMs).toFixed(2)} ×`,
    );
    if (process.env.BENCH_SCALING !== '0') await callsVersusResources(collect, part2);
  } finally {
    await moto.stop();
    rmSync(PROFILE_FILE, { force: true });
    rmSync(RECORD_FILE, { force: true });
  }
}

type Collect = (
  services?: ServiceId[],
  chosen?: CollectorId[],
) => Promise<{ result: Awaited<ReturnType<ReturnType<typeof createRunCollection>>>; wallMs: number }>;

/**
 * The part-2 services' collectors at N resources (one slice), then again after a second slice
 * (2N): per-page calls stay (nearly) flat, per-resource calls double.
 */
async function callsVersusResources(collect: Collect, part2: ReturnType<typeof servicesSeeder>) {
  const services = part2Services();
  const chosen = part2Collectors();
  const atN = await collect(services, chosen);
  const seedStart = Date.now();
  await part2.addSlice();
  const at2N = await collect(services, chosen);
  const counts = (r: typeof atN) => JSON.stringify(r.result.outcome.resourceCounts);
  console.log(`part-2 collectors at N: ${(atN.wallMs / 1000).toFixed(1)} s, ${counts(atN)}`);
  console.log(
    `second slice seeded in ${((Date.now() - seedStart - at2N.wallMs) / 1000).toFixed(1)} s; ` +
      `at 2N: ${(at2N.wallMs / 1000).toFixed(1)} s, ${counts(at2N)}`,
  );
  printServiceTimes(at2N.result.outcome);
  printScaling(compareScales(atN.result.outcome.apiCalls ?? {}, at2N.result.outcome.apiCalls ?? {}), {
    n: 'N resources',
    n2: '2N resources',
  });
  const errors = [...atN.result.outcome.errors, ...at2N.result.outcome.errors];
  console.log(
    `errors: ${errors.length}${errors.length ? ` e.g. ${JSON.stringify(errors.slice(0, 3))}` : ''}`,
  );
}

await main();
