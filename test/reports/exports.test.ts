import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import type { S3Bucket } from '../../src/core/records.js';
import { remediationText } from '../../src/core/remediation.js';
import {
  FINDINGS_CSV_COLUMNS,
  findingsToCsv,
  inventoryToCsv,
  neutraliseCell,
} from '../../src/reports/csv.js';
import { buildJsonReport } from '../../src/reports/json.js';
import { ReportInputError } from '../../src/reports/types.js';
import { JsonReport } from '../../src/shared/api/report.js';
import { FIXTURE_CHECKS, fixtureReportInput, HOSTILE } from './fixtures.js';

const BOM = '\uFEFF';

function rowsOf(csv: string): Record<string, string>[] {
  return parse(csv.slice(1), { columns: true, bom: false }) as Record<string, string>[];
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and keeps Korean text intact', () => {
    const input = fixtureReportInput({ lang: 'ko' }, 60);
    const csv = findingsToCsv(input);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = rowsOf(csv);
    expect(Object.keys(rows[0]!)).toEqual([...FINDINGS_CSV_COLUMNS]);
    expect(rows).toHaveLength(60);
    const first = input.findings[0]!;
    const check = FIXTURE_CHECKS.find((c) => c.id === first.checkId)!;
    expect(rows[0]!.title).toBe(check.title.ko);
    expect(rows[0]!.failureLabel).toBe(check.failureLabel.ko);
    expect(rows[0]!.remediation).toBe(
      remediationText(check.remediation, 'ko', { ...first, accountId: '123456789012' }),
    );
    expect(rows[0]!.remediation).toContain(`--resource ${first.resourceId} --region ${first.region}`);
    expect(rows.some((r) => r.resourceName === HOSTILE.hangul)).toBe(true);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const rows = rowsOf(findingsToCsv(fixtureReportInput({ lang: 'en' }, 60)));
    const names = rows.map((r) => r.resourceName);
    expect(names).toContain(`'${HOSTILE.formula}`);
    expect(names).toContain(`'${HOSTILE.plusFormula}`);
    expect(names).toContain(`'${HOSTILE.atFormula}`);
    expect(names).toContain(HOSTILE.script); // not a formula: left as is
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('neutraliseCell prefixes = + - @ tab CR LF and nothing else', () => {
    for (const bad of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '\n=1']) {
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    }
    for (const good of ['abc', '1-2', ' =1', '안녕', '']) expect(neutraliseCell(good)).toBe(good);
  });

  it('writes savings as plain numbers and muted findings with reason and expiry', () => {
    const input = fixtureReportInput({ lang: 'en' }, 400);
    const rows = rowsOf(findingsToCsv(input));
    const withSavings = input.findings.findIndex((f) => f.estimatedMonthlySavingsUsd !== undefined);
    expect(Number(rows[withSavings]!.estimatedMonthlySavingsUsd)).toBe(
      input.findings[withSavings]!.estimatedMonthlySavingsUsd,
    );
    const mutedIndex = input.findings.findIndex((f) => f.muted?.expiresAt);
    expect(mutedIndex).toBeGreaterThanOrEqual(0);
    expect(rows[mutedIndex]).toMatchObject({
      muted: 'true',
      mutedBy: 'alice',
      mutedExpiresAt: input.findings[mutedIndex]!.muted!.expiresAt,
    });
  });

  it('exports only the report services', () => {
    const rows = rowsOf(findingsToCsv(fixtureReportInput({ services: ['iam'] }, 60)));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.service))).toEqual(new Set(['iam']));
  });

  it('inventory: one row per record, nested fields as JSON text, null kept apart from missing', () => {
    const buckets: S3Bucket[] = [
      {
        region: 'ap-northeast-2',
        name: '=HYPERLINK("http://evil")',
        arn: 'arn:aws:s3:::a',
        policy: null,
        tags: [{ key: '팀', value: '결제' }],
        versioning: { status: 'Enabled', mfaDelete: 'Disabled' },
      },
      { region: 'us-east-1', name: 'b', arn: 'arn:aws:s3:::b', logging: { targetBucket: 'logs' } },
    ];
    const csv = inventoryToCsv({ 's3.buckets': buckets });
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = rowsOf(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      collector: 's3.buckets',
      name: `'=HYPERLINK("http://evil")`,
      policy: 'null',
      tags: '[{"key":"팀","value":"결제"}]',
    });
    expect(JSON.parse(rows[0]!.versioning!)).toEqual({ status: 'Enabled', mfaDelete: 'Disabled' });
    expect(rows[1]!.policy).toBe('');
    expect(JSON.parse(rows[1]!.logging!)).toEqual({ targetBucket: 'logs' });
  });

  it('inventory: one collector can be selected', () => {
    const csv = inventoryToCsv(
      { 's3.buckets': [{ region: 'us-east-1', name: 'b', arn: 'arn:aws:s3:::b' }] },
      { collector: 's3.account-public-access-block' },
    );
    expect(rowsOf(csv)).toHaveLength(0);
  });
});

describe('JSON report', () => {
  it('matches the SPEC shape (zod schema) with text in the chosen language', () => {
    const input = fixtureReportInput({ lang: 'ko' }, 80);
    const report = JsonReport.parse(buildJsonReport(input));
    expect(report.account.id).toBe('123456789012');
    expect(report.regions).toEqual(input.regions);
    expect(report.collection.status).toBe('completed_with_errors');
    expect(report.collection.errors[0]).toMatchObject({
      service: 'ec2',
      region: 'eu-west-1',
      operation: 'DescribeSnapshots',
      code: 'AccessDenied',
    });
    expect(report.collection.resourceCounts['ec2.instances']).toBe(3);
    expect(report.findings).toHaveLength(80);
    const f0 = input.findings[0]!;
    expect(report.findings[0]).toMatchObject({
      checkId: f0.checkId,
      message: f0.message.ko,
      remediation: remediationText(FIXTURE_CHECKS.find((c) => c.id === f0.checkId)!.remediation, 'ko', {
        ...f0,
        accountId: '123456789012',
      }),
      failureLabel: FIXTURE_CHECKS.find((c) => c.id === f0.checkId)!.failureLabel.ko,
      resourceArn: f0.resourceArn,
    });
    for (const key of ['checkId', 'resourceArn', 'estimatedMonthlySavingsUsd', 'remediation']) {
      expect(Object.keys(report.findings[1]!)).toContain(key);
    }
  });

  it('keeps hostile text raw (JSON escapes it) and reports totals that add up', () => {
    const input = fixtureReportInput({ lang: 'en' }, 200);
    const report = buildJsonReport(input);
    const text = JSON.stringify(report);
    expect(JSON.parse(text).findings.map((f: { resourceName?: string }) => f.resourceName)).toContain(
      HOSTILE.script,
    );
    const open = input.findings.filter((f) => !f.muted && (f.status === 'fail' || f.status === 'warning'));
    const expected = open.reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0);
    expect(report.summary.totalEstimatedMonthlySavingsUsd).toBeCloseTo(expected, 2);
    const bySeverity = Object.values(report.summary.openBySeverity).reduce((a, b) => a + b, 0);
    expect(bySeverity).toBe(open.length);
  });

  it('a one-service report leaves the other services, counts and errors out', () => {
    const report = buildJsonReport(fixtureReportInput({ services: ['s3'] }, 80));
    expect(report.services).toEqual(['s3']);
    expect(report.findings.every((f) => f.service === 's3')).toBe(true);
    expect(Object.keys(report.collection.resourceCounts)).toEqual(['s3.buckets']);
    expect(report.collection.errors).toEqual([]);
    expect(Object.keys(report.summary.scoreByService)).toEqual(['s3']);
  });

  it('a finding without ARN or savings has null there, and an unknown service is a clear input error', () => {
    const finding: Finding = {
      checkId: 'iam-root-mfa-enabled',
      service: 'iam',
      category: 'security',
      severity: 'critical',
      status: 'fail',
      region: 'global',
      resourceId: 'root',
      message: { ko: '루트 MFA 없음', en: 'Root has no MFA' },
    };
    const report = buildJsonReport(fixtureReportInput({ findings: [finding], services: ['iam'] }));
    expect(report.findings[0]).toMatchObject({ resourceArn: null, estimatedMonthlySavingsUsd: null });
    expect(() => buildJsonReport(fixtureReportInput({ services: ['ec9' as 'ec2'] }))).toThrow(
      ReportInputError,
    );
  });
});
