/**
 * npm run bench:collect — seeds the emulator with a large account and times the real runner.
 *
 * 2,000 instances, ~3,100 volumes, 320 snapshots, 200 buckets, 150 functions, 40 databases and
 * 150 users over 4 regions, with 14 days of daily EC2 metrics (CPU, NetworkIn, NetworkOut), then
 * runCollection over every service. Prints wall time, API calls by operation and peak memory.
 * The emulator is test/support/moto_server.py (moto with an indexed CloudWatch store).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { createBucketIn, putMetrics, times } from '../scripts/demo-seed-aws.js';
import { collectors } from '../src/collectors/registry.js';
import { createRunCollection } from '../src/collectors/runner.js';
import { SERVICE_IDS } from '../src/core/services.js';
import { startMoto } from '../test/support/moto-process.js';
import { replayRecorded } from './replay.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-2'];
const ACCOUNT = '123456789012';
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const PER_REGION = {
  instances: 500,
  extraVolumes: 275,
  snapshots: 80,
  buckets: 50,
  functions: 38,
  databases: 10,
};
const USERS = 150;
const METRIC_DAYS = 14;
// About what the runner keeps in flight at once (8 per account × region × service, most units done).
const FLOOR_CONCURRENCY = 32;
const PROFILE_FILE = join(tmpdir(), `again-bench-profile-${process.pid}.json`);
const RECORD_FILE = join(tmpdir(), `again-bench-requests-${process.pid}.jsonl`);

function lambdaZip(): Uint8Array {
  const script =
    'import zipfile,io,base64,sys\nb=io.BytesIO()\nz=zipfile.ZipFile(b,"w")\nz.writestr("index.py","def handler(e,c):\\n  return 1\\n")\nz.close()\nsys.stdout.write(base64.b64encode(b.getvalue()).decode())';
  return Buffer.from(execFileSync('python3', ['-c', script], { encoding: 'utf8' }), 'base64');
}

async function seedRegion(endpoint: string, region: string, roleArn: string, zip: Uint8Array): Promise<void> {
  const config = { region, endpoint, credentials, maxAttempts: 3 };
  const ec2 = new EC2Client(config);
  const instanceIds: string[] = [];
  await times(PER_REGION.instances / 50, async () => {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 50,
        MaxCount: 50,
      }),
    );
    for (const i of run.Instances ?? []) if (i.InstanceId) instanceIds.push(i.InstanceId);
  });
  const volumeIds = await times(PER_REGION.extraVolumes, async (i) => {
    const v = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${region}a`,
        Size: 10 + (i % 50),
        VolumeType: i % 2 ? 'gp2' : 'gp3',
      }),
    );
    return v.VolumeId ?? '';
  });
  await times(PER_REGION.snapshots, (i) =>
    ec2.send(new CreateSnapshotCommand({ VolumeId: volumeIds[i % volumeIds.length] })),
  );
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await times(PER_REGION.buckets, (i) => createBucketIn(s3, `bench-${region}-${i}`, region));
  const lambda = new LambdaClient(config);
  await times(PER_REGION.functions, (i) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: `bench-fn-${i}`,
        Runtime: 'python3.12',
        Role: roleArn,
        Handler: 'index.handler',
        Code: { ZipFile: zip },
      }),
    ),
  );
  const rds = new RDSClient(config);
  await times(PER_REGION.databases, (i) =>
    rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: `bench-db-${i}`,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: 'admin',
        MasterUserPassword: 'not-a-secret-123',
        AllocatedStorage: 20,
      }),
    ),
  );
  // 14 daily datapoints × 3 metrics per instance, 1,000 datums per PutMetricData.
  const now = Date.now();
  const datums: MetricDatum[] = [];
  for (const [n, id] of instanceIds.entries()) {
    for (let day = 0; day < METRIC_DAYS; day++) {
      const Timestamp = new Date(now - (day + 0.5) * 86_400_000);
      const Dimensions = [{ Name: 'InstanceId', Value: id }];
      datums.push({ MetricName: 'CPUUtilization', Dimensions, Timestamp, Value: (n * 7 + day) % 100 });
      datums.push({ MetricName: 'NetworkIn', Dimensions, Timestamp, Value: n * 1000 + day });
      datums.push({ MetricName: 'NetworkOut', Dimensions, Timestamp, Value: n * 500 + day });
    }
  }
  await putMetrics({ endpoint, credentials }, region, 'AWS/EC2', datums);
}

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
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'bench-lambda',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    await times(USERS, (i) => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` })));
    const zip = lambdaZip();
    for (const region of REGIONS) await seedRegion(moto.endpoint, region, role.Role?.Arn ?? '', zip);
    const seedMs = Date.now() - seedStart;

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
    const collect = async () => {
      const motoCpuBefore = cpuSecondsOf(moto.process.pid);
      const nodeCpuBefore = process.cpuUsage();
      const started = performance.now();
      const result = await createRunCollection({ perServiceConcurrency })({
        credentials,
        accountId: ACCOUNT,
        endpoint: moto.endpoint,
        request: { services: [...SERVICE_IDS], regions: REGIONS },
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
    console.log(`seeding: ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`collection wall time: ${(wallMs / 1000).toFixed(1)} s`);
    // On a shared, busy machine wall time inflates; CPU seconds show what the work itself costs.
    console.log(`CPU during collection: emulator ${motoCpu.toFixed(1)} s, runner ${nodeCpu.toFixed(1)} s`);
    console.log(`API calls: ${total}`);
    console.log(`  by service: ${JSON.stringify(byService)}`);
    for (const [op, n] of Object.entries(calls)) console.log(`  ${op.padEnd(44)} ${n}`);
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
  } finally {
    await moto.stop();
    rmSync(PROFILE_FILE, { force: true });
    rmSync(RECORD_FILE, { force: true });
  }
}

await main();
