/**
 * npm run bench:org-scan-memory — peak RSS of `again-console scan --org` (measured by
 * /usr/bin/time -v on the CLI process) over an organization on the emulator: BENCH_ACCOUNTS members
 * (default 20), each seeded BENCH_SCALE (default 10) times bench:org's small estate (20 instances,
 * 20 buckets, 10 IAM users). Every service in one region; FORMATS (default json,pdf) picks the
 * report formats; SCAN_TREES (colon-separated checkouts, default this one) compares a before and an
 * after on one seeding.
 */
import { execFile } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_IDS } from '../src/core/services.js';
import { startMoto } from '../test/support/moto-process.js';
import { createOrganization, ORG_REGION, seedMembers } from './org-seed.js';
import { BASE_CREDENTIALS } from './scale-seed.js';

const run = promisify(execFile);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS) || 20;
const SCALE = Number(process.env.BENCH_SCALE) || 10;
const FORMATS = (process.env.FORMATS ?? 'json,pdf').split(',');

async function scanOnce(tree: string, endpoint: string, format: string): Promise<void> {
  const output = join(tmpdir(), `again-org-scan-${process.pid}.${format}`);
  const started = performance.now();
  const { stderr, code } = await run(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      join(tree, 'bin/again-console.js'),
      'scan',
      '--org',
      '--member-role-name',
      'AgainConsoleAudit',
      '--external-id',
      'bench-external-id',
      '--services',
      SERVICE_IDS.join(','),
      '--regions',
      ORG_REGION,
      '--format',
      format,
      '--no-progress',
      '--output',
      output,
    ],
    {
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
        AWS_REGION: ORG_REGION,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .then(({ stderr }) => ({ stderr, code: 0 }))
    .catch((error: { stderr?: string; code?: number }) => ({
      stderr: error.stderr ?? String(error),
      code: error.code ?? 1,
    }));
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const size = (() => {
    try {
      return `${(statSync(output).size / 1024 / 1024).toFixed(1)} MB report`;
    } catch {
      return 'no report';
    }
  })();
  rmSync(output, { force: true });
  if (!kb) {
    console.log(`${tree} ${format}: no measurement (${stderr.slice(-600)})`);
    return;
  }
  console.log(
    `${tree} ${format}: peak RSS ${Math.round(Number(kb) / 1024)} MB, ${wall} s, ${size}, exit ${code}`,
  );
}

async function main(): Promise<void> {
  process.env.AGAIN_MOTO_KEEPALIVE = '1';
  const moto = await startMoto();
  try {
    const seedStart = performance.now();
    const members = await createOrganization(moto.endpoint, ACCOUNTS);
    await seedMembers(moto.endpoint, members, SCALE);
    console.log(
      `seeded ${ACCOUNTS} members × scale ${SCALE} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const trees = (process.env.SCAN_TREES ?? '.').split(':').map((t) => resolve(t));
    for (const format of FORMATS) for (const tree of trees) await scanOnce(tree, moto.endpoint, format);
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await moto.stop();
  }
}

await main();
