import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectOutput } from '../../src/cli/output.js';
import { JsonReport } from '../../src/shared/api/report.js';
import { seedBuckets, seedInstances } from '../collections/helpers.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const BIN = fileURLToPath(new URL('../../bin/again-console.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real bin as a child process, with a clean credential environment. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('latin1');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at [\w.<]+ \(|\.ts:\d+:\d+/);

describe('again-console command line against the emulator', () => {
  let motoEnv: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    await resetMoto();
    await seedInstances('us-east-1', 2);
    await seedBuckets('us-east-1', ['cli-bucket']);
    motoEnv = {
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_ENDPOINT_URL: motoEndpoint(),
    };
    dir = await mkdtemp(join(tmpdir(), 'cli-test-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('scan writes the SPEC JSON report to stdout and progress to stderr only; exit 0', async () => {
    const run = await cli(['scan', '--services', 'ec2,s3', '--regions', 'us-east-1'], motoEnv);
    expect(run.code, run.stderr).toBe(0);
    const report = JsonReport.parse(JSON.parse(run.stdout));
    expect(report.account.id).toBe('123456789012');
    expect(report.regions).toEqual(['us-east-1']);
    expect(report.services).toEqual(['ec2', 's3']);
    expect(report.collection.status).toBe('completed');
    expect(report.collection.resourceCounts).toMatchObject({ 'ec2.instances': 2, 's3.buckets': 1 });
    expect(report.collection.errors).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.service === 's3' && f.resourceId === 'cli-bucket')).toBe(true);
    // Plain progress lines (stderr is not a terminal here), never on stdout.
    expect(run.stderr).toMatch(/\] ec2\.instances us-east-1 done \(2\)/);
    expect(run.stdout).not.toMatch(/ec2\.instances us-east-1 done/);
  });

  it('collect --output writes the collection JSON to the file and nothing to stdout', async () => {
    const file = join(dir, 'collection.json');
    const run = await cli(
      ['collect', '--services', 'ec2', '--regions', 'us-east-1', '--output', file],
      motoEnv,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const out = CollectOutput.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(out.collection.resourceCounts['ec2.instances']).toBe(2);
    expect(out.data.ec2?.['ec2.instances']).toHaveLength(2);
    expect(out.collection.results['ec2.instances']?.['us-east-1']).toMatchObject({ status: 'ok', count: 2 });
  });

  it('collect --role-arn assumes the role and reports the role account', async () => {
    const run = await cli(
      [
        'collect',
        '--services',
        'iam',
        '--role-arn',
        'arn:aws:iam::111122223333:role/again-console-reader',
        '--external-id',
        'ext-123',
        '--no-progress',
      ],
      motoEnv,
    );
    expect(run.code, run.stderr).toBe(0);
    const out = CollectOutput.parse(JSON.parse(run.stdout));
    expect(out.account.id).toBe('111122223333');
    expect(out.services).toEqual(['iam']);
    expect(run.stderr).not.toContain(testCredentials.secretAccessKey);
  });

  it('scan --format pdf --lang ko writes a PDF', async () => {
    const file = join(dir, 'report.pdf');
    const run = await cli(
      [
        'scan',
        '--services',
        's3',
        '--regions',
        'us-east-1',
        '--format',
        'pdf',
        '--lang',
        'ko',
        '--output',
        file,
        '--no-progress',
      ],
      motoEnv,
    );
    expect(run.code, run.stderr).toBe(0);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.stderr).not.toMatch(/s3\.buckets us-east-1 done/);
  });

  it('exits non-zero with one clear line on bad arguments, missing credentials, unreachable endpoint', async () => {
    const [badService, badRegion, both, noCreds, unreachable] = await Promise.all([
      cli(['scan', '--services', 'ec3'], motoEnv),
      cli(['collect', '--regions', 'moon-1'], motoEnv),
      cli(['scan', '--regions', 'us-east-1', '--all-regions'], motoEnv),
      cli(['scan', '--services', 'ec2'], { AWS_ENDPOINT_URL: motoEndpoint() }),
      cli(['scan', '--services', 'ec2'], { ...motoEnv, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }),
    ]);
    expect(badService.code).toBe(2);
    expect(badService.stderr).toMatch(/Unknown service: ec3/);
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toMatch(/Invalid region name: moon-1/);
    expect(both.code).toBe(2);
    expect(noCreds.code).toBe(5);
    expect(noCreds.stderr).toMatch(/No AWS credentials found/);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/unreachable/);
    for (const run of [badService, badRegion, both, noCreds, unreachable]) {
      expect(run.stdout).toBe('');
      noStack(run.stderr);
    }
  });

  it('--help lists the exit statuses; 3 belongs to --fail-on alone', async () => {
    const help = await cli(['--help'], motoEnv);
    expect(help.code).toBe(0);
    expect(help.stderr).toMatch(/^\s+3\s+--fail-on/m);
    expect(help.stderr).toMatch(/^\s+5\s+no AWS credentials/m);
    expect(help.stderr.match(/^\s+3\s/gm)).toHaveLength(1);
  });

  it('an unknown but well-formed region is an error with no report (checked against the partition)', async () => {
    const run = await cli(['scan', '--services', 's3', '--regions', 'us-east-1,eu-north-9'], motoEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown region: eu-north-9/);
    expect(run.stdout).toBe('');
    noStack(run.stderr);
  });

  it('-o writes the report, a summary goes to stderr, --fail-on exits 3 only when an open finding reaches it', async () => {
    const file = join(dir, 'gate.json');
    const [high, critical] = await Promise.all([
      cli(
        ['scan', '--services', 'ec2,s3', '--regions', 'us-east-1', '-o', file, '--fail-on', 'high'],
        motoEnv,
      ),
      cli(['scan', '--services', 'ec2,s3', '--regions', 'us-east-1', '--fail-on', 'critical'], motoEnv),
    ]);
    const report = JsonReport.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(high.stdout).toBe('');
    const open = report.findings.filter((f) => !f.muted && (f.status === 'fail' || f.status === 'warning'));
    // Emulator instances allow IMDSv1 (a high finding), so the high gate trips.
    expect(open.some((f) => f.severity === 'high')).toBe(true);
    expect(high.code, high.stderr).toBe(3);
    expect(high.stderr).toMatch(/--fail-on high: \d+ open finding\(s\) at or above high: exit 3/);
    expect(high.stderr).toContain(`Summary: ${open.length} open finding(s) (critical `);
    expect(high.stderr).toMatch(/Top open checks:\n\s+\w+\s+\d+\s+[a-z0-9-]+/);
    // The critical gate follows what the report says.
    const criticalOpen = JSON.parse(critical.stdout).findings.filter(
      (f: { severity: string; status: string; muted?: unknown }) =>
        f.severity === 'critical' && !f.muted && (f.status === 'fail' || f.status === 'warning'),
    ).length;
    expect(critical.code, critical.stderr).toBe(criticalOpen > 0 ? 3 : 0);
    expect(critical.stderr).toMatch(/--fail-on critical: /);
    const badGate = await cli(['scan', '--fail-on', 'severe'], motoEnv);
    expect(badGate.code).toBe(2);
    expect(badGate.stdout).toBe('');
  });
});
