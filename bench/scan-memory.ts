/**
 * npm run bench:scan-memory — peak RSS of `again-console scan` over the benchmark account (scale 1,
 * bench/seed.ts), measured by /usr/bin/time -v on the CLI process. Seeds the emulator once, then
 * scans with each checkout given in SCAN_TREES (colon-separated; default: this one), so a before /
 * after comparison pays for one seeding. FORMATS (default json,pdf) picks the report formats, RUNS
 * (default 1) how many scans of each; SCAN_ENDPOINT reuses an emulator already seeded by bench/seed.ts.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_IDS } from '../src/core/services.js';
import { startMoto } from '../test/support/moto-process.js';
import { credentials, REGIONS, seedBenchAccount } from './seed.js';

const run = promisify(execFile);

async function scanOnce(tree: string, endpoint: string, format: string): Promise<number | undefined> {
  const output = join(tmpdir(), `again-scan-${process.pid}.${format}`);
  const started = performance.now();
  const { stderr } = await run(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      join(tree, 'bin/again-console.js'),
      'scan',
      '--services',
      SERVICE_IDS.join(','),
      '--regions',
      REGIONS.join(','),
      '--format',
      format,
      '--output',
      output,
    ],
    {
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: endpoint,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_REGION: 'us-east-1',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? String(error) }));
  rmSync(output, { force: true });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  if (!kb) {
    console.log(`${tree} ${format}: no measurement (${stderr.slice(-400)})`);
    return undefined;
  }
  const mb = Math.round(Number(kb) / 1024);
  console.log(`${tree} ${format}: peak RSS ${mb} MB, ${wall} s`);
  return mb;
}

async function scanAll(endpoint: string): Promise<void> {
  const trees = (process.env.SCAN_TREES ?? '.').split(':').map((t) => resolve(t));
  const formats = (process.env.FORMATS ?? 'json,pdf').split(',');
  const runs = Number(process.env.RUNS ?? '1');
  for (const format of formats)
    for (const tree of trees) {
      const peaks: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const mb = await scanOnce(tree, endpoint, format);
        if (mb !== undefined) peaks.push(mb);
      }
      if (peaks.length > 1)
        console.log(
          `${tree} ${format}: ${peaks.length} runs, min ${Math.min(...peaks)} MB, max ${Math.max(...peaks)} MB`,
        );
    }
}

async function main(): Promise<void> {
  if (process.env.SCAN_ENDPOINT) {
    await scanAll(process.env.SCAN_ENDPOINT);
    return;
  }
  process.env.AGAIN_MOTO_KEEPALIVE = '1';
  const moto = await startMoto();
  try {
    const seedStart = Date.now();
    await seedBenchAccount(moto.endpoint);
    console.log(`seeding: ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    await scanAll(moto.endpoint);
  } finally {
    await moto.stop();
  }
}

await main();
