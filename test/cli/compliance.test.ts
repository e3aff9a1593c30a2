import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANCE_CSV_COLUMNS } from '../../src/reports/compliance-csv.js';
import { ComplianceResponse } from '../../src/shared/api/compliance.js';
import { seedBuckets } from '../collections/helpers.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import { cli, noStack } from './run-cli.js';

/** `scan --compliance`: a framework's per-control view of a real scan, as a table, CSV or JSON. */
describe('again-console scan --compliance against the emulator', () => {
  let motoEnv: Record<string, string>;
  let dir: string;
  const scan = (...extra: string[]) =>
    cli(['scan', '--services', 's3', '--regions', 'us-east-1', '--no-progress', ...extra], motoEnv);

  beforeAll(async () => {
    await resetMoto();
    // A bucket with no Block Public Access (nor the account's): CIS 2.1.4 and FSBP S3.8 fail on it.
    await seedBuckets('us-east-1', ['cli-compliance-bucket']);
    motoEnv = {
      AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
      AWS_ENDPOINT_URL: motoEndpoint(),
    };
    dir = await mkdtemp(join(tmpdir(), 'cli-compliance-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints the per-control table: id, status, failing resources, title; exit 0', async () => {
    const run = await scan('--compliance', 'cis');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.text.split('\n');
    expect(lines[0]).toBe('CIS AWS Foundations Benchmark v5.0.0');
    expect(lines[1]).toMatch(
      /^Controls passing \(of those judged\): (\d+ %|—) \(Pass \d+, Fail \d+, Unknown \d+, Manual \d+\)$/,
    );
    expect(lines[3]).toMatch(/^Control\s+Status\s+Failed resources\s+Title$/);
    // The S3 control fails on the seeded bucket and the account (neither blocks public access);
    // an IAM control is unknown (IAM was not scanned).
    expect(lines.find((l) => l.startsWith('2.1.4 '))).toMatch(
      /^2\.1\.4\s+Fail\s+2\s+S3 Block Public Access is on$/,
    );
    expect(lines.find((l) => l.startsWith('1.3 '))).toMatch(/^1\.3\s+Unknown\s+0\s+\S/);
    expect(run.stderr).toMatch(/finding/i);
  });

  it('--lang ko prints Korean headers, statuses and titles, columns aligned by display width', async () => {
    const run = await scan('--compliance', 'cis-v5', '--lang', 'ko');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.text.split('\n');
    expect(lines[1]).toMatch(/^판단한 통제 항목 중 통과 비율: /);
    const header = lines[3] ?? '';
    const row = lines.find((l) => l.startsWith('2.1.4 ')) ?? '';
    expect(row).toMatch(/^2\.1\.4\s+실패\s+2\s+S3 퍼블릭 액세스 차단 사용$/);
    // "상태" and "실패" are two wide characters each: the count column starts at the same column.
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3131-\uD79D]/.test(ch) ? 2 : 1), 0);
    expect(width(/^2\.1\.4\s+실패\s+/.exec(row)?.[0] ?? '')).toBe(
      width(header.slice(0, header.indexOf('실패 리소스'))),
    );
  });

  it('--format csv --output writes the console compliance CSV (ISMS-P titles Korean first in en)', async () => {
    const file = join(dir, 'ismsp.csv');
    const run = await scan('--compliance', 'ismsp-2023', '--format', 'csv', '--output', file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const rows = parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...COMPLIANCE_CSV_COLUMNS]);
    expect(new Set(rows.map((r) => r.framework))).toEqual(new Set(['ismsp']));
    const failing = rows.filter((r) => r.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((r) => r.failedResources?.includes('us-east-1/cli-compliance-bucket'))).toBe(true);
    expect(rows.find((r) => r.controlId === '2.6.1')?.title).toMatch(/^[\uAC00-\uD7A3].* \(.+\)$/);
  });

  it('--format json writes the same view as the console download', async () => {
    const run = await scan('--compliance', 'fsbp', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const view = ComplianceResponse.parse(JSON.parse(run.text));
    expect(view.framework.id).toBe('fsbp');
    expect(view.run.accountId).toBe('123456789012');
    const s3 = view.controls.find((c) => c.id === 'S3.8');
    expect(s3?.status).toBe('fail');
    expect(s3?.failedResources.map((r) => r.resourceId)).toEqual(['cli-compliance-bucket']);
    expect(view.counts.pass + view.counts.fail + view.counts.unknown + view.counts.manual).toBe(
      view.controls.length,
    );
    expect(view.trend).toHaveLength(1);
  });

  it('a bad framework or format is one clear line and exit 2, with no report', async () => {
    for (const [args, message] of [
      [
        ['--compliance', 'pci-dss'],
        /Unknown compliance framework: pci-dss \(choose from cis, fsbp, ismsp, cis-v5, ismsp-2023\)/,
      ],
      [['--compliance', 'cis', '--format', 'pdf'], /--compliance writes table, csv or json/],
      [['--format', 'table'], /--format table needs --compliance/],
    ] as const) {
      const run = await cli(['scan', '--services', 's3', '--no-progress', ...args], motoEnv);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      noStack(run.stderr);
    }
  });
});
