/**
 * Guarantee: the reports over several accounts (SPEC "Several accounts in one scan") keep each
 * account's figures under its id — JSON (streamed byte for byte as the whole object), CSV (account
 * on every row, injection-safe) and PDF (organization summary first, its page numbers pointing at
 * each account's sections) — and rank the accounts by risk and by savings.
 */

import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { orgCompliance } from '../../src/compliance/org.js';
import type { Finding } from '../../src/core/findings.js';
import { ORG_COMPLIANCE_CSV_COLUMNS, orgComplianceToCsv } from '../../src/reports/compliance-csv.js';
import { ORG_FINDINGS_CSV_COLUMNS, orgFindingsToCsv } from '../../src/reports/csv.js';
import { writeOrgJsonReport } from '../../src/reports/json-stream.js';
import { buildOrgJsonReport } from '../../src/reports/org-json.js';
import { buildOrgModel } from '../../src/reports/org-model.js';
import { renderOrgPdf } from '../../src/reports/pdf-org.js';
import { type OrgAccountReport, type OrgReportInput, orgScanStatus } from '../../src/reports/types.js';
import { OrgJsonReport } from '../../src/shared/api/report.js';
import { fixtureCollection, fixtureOrgInput, generateFindings, HOSTILE, scannedAccount } from './fixtures.js';
import { pageCount, pdfText, tempDir } from './pdf-tools.js';

const run = promisify(execFile);

/** Three scanned accounts (one clean, one hostile-named), one refused, one suspended. */
function orgInput(lang: 'en' | 'ko' = 'en'): OrgReportInput {
  const clean = generateFindings(40, 7).map((f) => ({ ...f, status: 'pass' as const, muted: undefined }));
  return fixtureOrgInput(lang, [
    scannedAccount('111111111111', 'prod-web', generateFindings(80, 1), '/Production/Web/'),
    scannedAccount('222222222222', 'sandbox', clean, '/Sandbox/'),
    scannedAccount('333333333333', HOSTILE.formula, generateFindings(30, 3)),
    { id: '444444444444', name: 'refused', status: 'failed', error: 'AccessDenied: not authorized' },
    { id: '555555555555', name: 'closed', status: 'failed', error: 'suspended' },
  ]);
}

async function streamed(input: OrgReportInput): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeOrgJsonReport(input, out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('reports over several accounts', () => {
  it('JSON: streamed byte for byte as the whole report; the contract fields per account', async () => {
    const input = orgInput();
    const whole = buildOrgJsonReport(input);
    expect(await streamed(input)).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    const report = OrgJsonReport.parse(whole);
    expect(report.account.id).toBe('123456789012');
    expect(report.accounts.map((a) => [a.id, a.status, a.error])).toEqual([
      ['111111111111', 'scanned', undefined],
      ['222222222222', 'scanned', undefined],
      ['333333333333', 'scanned', undefined],
      ['444444444444', 'failed', 'AccessDenied: not authorized'],
      ['555555555555', 'failed', 'suspended'],
    ]);
    const perAccount = fixtureCollection().resourceCounts;
    for (const id of ['111111111111', '222222222222', '333333333333'])
      expect(report.collection.resourceCountsByAccount[id]).toEqual(perAccount);
    expect(report.collection.resourceCounts['ec2.instances']).toBe(3 * (perAccount['ec2.instances'] ?? 0));
    expect(report.findings).toHaveLength(80 + 40 + 30);
    expect(report.findings.filter((f) => f.accountId === '222222222222')).toHaveLength(40);
    expect(report.collection.errors).toHaveLength(3 * fixtureCollection().errors.length);
    expect(new Set(report.collection.errors.map((e) => e.accountId)).size).toBe(3);
    // The summary counts every account's open findings once.
    const open = report.findings.filter((f) => !f.muted && (f.status === 'fail' || f.status === 'warning'));
    const bySeverity = Object.values(report.summary.openBySeverity).reduce((a, b) => a + b, 0);
    expect(bySeverity).toBe(open.length);
  });

  it('scan status: completed only when every account in scope was scanned without errors', () => {
    const input = orgInput();
    expect(orgScanStatus(input.accounts)).toBe('completed_with_errors');
    expect(orgScanStatus(input.accounts.slice(0, 3))).toBe('completed');
    expect(orgScanStatus(input.accounts.slice(3))).toBe('failed');
  });

  it('ranks accounts by risk (open critical + high, then score) and by savings', () => {
    const org = buildOrgModel(orgInput());
    expect(org.scanned.map((a) => a.name)).toEqual(['prod-web', 'sandbox', HOSTILE.formula]);
    const risk = org.byRisk.map((a) => a.criticalHigh);
    expect(risk).toEqual([...risk].sort((a, b) => b - a));
    expect(org.byRisk.at(-1)?.name).toBe('sandbox'); // nothing open
    expect(org.bySavings.map((a) => a.name)).not.toContain('sandbox');
    const savings = org.bySavings.map((a) => a.model.totalSavingsUsd);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    expect(org.failed.map((a) => a.error)).toEqual(['AccessDenied: not authorized', 'suspended']);
  });

  it('CSV: account id and name on every row, a hostile account name neutralised', () => {
    const rows = parse(orgFindingsToCsv(orgInput()), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...ORG_FINDINGS_CSV_COLUMNS]);
    expect(rows).toHaveLength(150);
    expect(rows.every((r) => /^\d{12}$/.test(r.accountId ?? ''))).toBe(true);
    const hostile = rows.filter((r) => r.accountId === '333333333333');
    expect(hostile).toHaveLength(30);
    expect(hostile.every((r) => r.accountName === `'${HOSTILE.formula}`)).toBe(true);
  });

  it.each(['en', 'ko'] as const)(
    'PDF (%s): contents and bookmarks, summary, compliance roll-up, page numbers that point at each account, failed accounts with reasons',
    async (lang) => {
      const file = path.join(await tempDir(), `org-${lang}.pdf`);
      const out = createWriteStream(file);
      const input = orgInput(lang);
      input.compliance = orgCompliance(input, ['fsbp']);
      await renderOrgPdf(input, out);
      await finished(out);
      const pages = await pageCount(file);
      // Page 2: the contents, each part with the page it starts on.
      const { stdout: contents } = await run('pdftotext', [
        '-layout',
        '-enc',
        'UTF-8',
        '-f',
        '2',
        '-l',
        '2',
        file,
        '-',
      ]);
      const pageIn = (title: string) => {
        const line = contents.split('\n').find((l) => l.includes(title));
        return Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      };
      const summaryTitle = lang === 'en' ? 'Organization summary' : '조직 요약';
      const complianceTitle = lang === 'en' ? 'Compliance across accounts' : '계정 전체의 규정 준수';
      expect(contents).toContain(lang === 'en' ? 'Contents' : '목차');
      const summaryPage = pageIn(summaryTitle);
      const compliancePage = pageIn(complianceTitle);
      expect(summaryPage).toBe(3);
      expect(compliancePage).toBeGreaterThan(summaryPage);
      const summary = (await pdfText(file, summaryPage)).replace(/\s+/g, ' ');
      expect(summary).toContain(summaryTitle);
      const compliance = (await pdfText(file, compliancePage)).replace(/\s+/g, ' ');
      expect(compliance).toContain(complianceTitle);
      expect(compliance).toContain(
        lang === 'en' ? 'Rolled up over 3 scanned accounts' : '스캔한 계정 3개 기준',
      );
      // EC2.8 (IMDSv2) fails in the accounts whose fixture fails the check, named in its row.
      const ec28 = orgCompliance(input, ['fsbp'])[0]?.controls.find((c) => c.id === 'EC2.8');
      expect(ec28?.status).toBe('fail');
      const allText = (await pdfText(file)).replace(/\s+/g, ' ');
      for (const failing of ec28?.failedAccounts ?? []) expect(allText).toContain(failing.accountId);
      // The PDF's outline (bookmarks) names the parts and every account.
      const outline = (await readFile(file)).toString('latin1');
      expect(outline).toContain('/Outlines');
      const all = allText;
      expect(all).toContain(
        lang === 'en' ? 'The account is suspended (closed).' : '일시 중지(해지)된 계정입니다.',
      );
      // The cover names the account that ran the scan, apart from the accounts it scanned.
      expect(all).toContain(lang === 'en' ? 'Scanned by' : '스캔을 실행한 계정');
      expect(all).toContain('AccessDenied: not authorized');
      expect(all).toContain(
        lang === 'en'
          ? "The member account's audit role could not be assumed:"
          : '멤버 계정의 감사 역할을 수임하지 못했습니다.',
      );
      // The risk table gives each account's first page; that page opens with the account's heading.
      const exec = lang === 'en' ? 'Executive summary' : '요약';
      const { stdout: layout } = await run('pdftotext', [
        '-layout',
        '-enc',
        'UTF-8',
        '-f',
        String(summaryPage),
        '-l',
        String(summaryPage),
        file,
        '-',
      ]);
      for (const name of [
        'prod-web (111111111111)',
        'sandbox (222222222222)',
        `${HOSTILE.formula} (333333333333)`,
      ]) {
        const line = layout.split('\n').find((l) => l.includes(name));
        const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
        expect(page, `${name}: ${line}`).toBeGreaterThan(summaryPage);
        // The contents give the same first page.
        expect(pageIn(name)).toBe(page);
        expect(page).toBeLessThanOrEqual(pages);
        expect((await pdfText(file, page)).replace(/\s+/g, ' ')).toContain(`${name} · ${exec}`);
        expect((await pdfText(file, page - 1)).replace(/\s+/g, ' ')).not.toContain(`${name} · ${exec}`);
      }
    },
  );

  it('compliance: a control fails when any account fails it, is unknown when one cannot be judged, passes when all pass', () => {
    const imds = (id: string, status: Finding['status']): Finding => ({
      ...generateFindings(1)[0]!,
      checkId: 'ec2-instance-imdsv2-required',
      service: 'ec2',
      status,
      resourceId: id,
      region: 'us-east-1',
      muted: undefined,
    });
    const input = (accounts: OrgAccountReport[]): OrgReportInput => ({ ...orgInput(), accounts });
    const failing = scannedAccount('111111111111', 'prod-web', [
      imds('i-1', 'fail'),
      imds('i-2', 'fail'),
      imds('i-3', 'pass'),
    ]);
    const passing = scannedAccount('222222222222', 'sandbox', [imds('i-4', 'pass')]);
    const unjudged = scannedAccount('333333333333', 'data', [imds('i-5', 'unknown')]);
    const refused: OrgAccountReport = {
      id: '444444444444',
      name: 'refused',
      status: 'failed',
      error: 'AccessDenied',
    };
    const control = (accounts: OrgAccountReport[]) => {
      const [view] = orgCompliance(input(accounts), ['fsbp']);
      return { view, ec28: view?.controls.find((c) => c.id === 'EC2.8') };
    };
    const all = control([failing, passing, unjudged, refused]);
    expect(all.view?.accountsEvaluated).toBe(3);
    expect(all.ec28).toMatchObject({
      status: 'fail',
      checkIds: ['ec2-instance-imdsv2-required'],
      accounts: { pass: 1, fail: 1, unknown: 1 },
      failedAccounts: [{ accountId: '111111111111', name: 'prod-web', failedResources: 2 }],
    });
    expect(control([passing, unjudged]).ec28).toMatchObject({ status: 'unknown', failedAccounts: [] });
    // The refused account is not judged: the scanned one passing is enough.
    expect(control([passing, refused]).ec28?.status).toBe('pass');
    expect(control([refused]).ec28?.status).toBe('unknown');
    // Manual controls (no check maps to them) stay manual, and are counted.
    const manual = all.view?.controls.filter((c) => c.checkIds.length === 0) ?? [];
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((c) => c.status === 'manual')).toBe(true);
    expect(all.view?.counts.manual).toBe(manual.length);
    expect(all.view?.passShare).toBeCloseTo(
      (all.view?.counts.pass ?? 0) /
        ((all.view?.counts.pass ?? 0) + (all.view?.counts.fail ?? 0) + (all.view?.counts.unknown ?? 0)),
    );

    const rows = parse(orgComplianceToCsv(all.view ? [all.view] : [], 'ko'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...ORG_COMPLIANCE_CSV_COLUMNS]);
    expect(rows.find((r) => r.controlId === 'EC2.8')).toMatchObject({
      status: 'fail',
      accountsFailing: '1',
      failedAccounts: '111111111111:2',
    });
  });

  it('JSON: the compliance roll-up follows the findings when asked for, and is absent otherwise', async () => {
    const input = orgInput();
    expect('compliance' in buildOrgJsonReport(input)).toBe(false);
    input.compliance = orgCompliance(input, ['cis']);
    const text = await streamed(input);
    const report = OrgJsonReport.parse(JSON.parse(text));
    expect(report.compliance?.map((c) => c.framework.id)).toEqual(['cis']);
    expect(text).toBe(`${JSON.stringify(buildOrgJsonReport(input), null, 2)}\n`);
  });
});
