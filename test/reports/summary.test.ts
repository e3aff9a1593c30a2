import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topActions } from '../../src/reports/actions.js';
import { checkLookup } from '../../src/reports/model.js';
import type { ReportInput } from '../../src/reports/types.js';
import { fixtureReportInput } from './fixtures.js';
import { pdfText, renderToFile, squash, tempDir } from './pdf-tools.js';

let dir: string;

const CHANGE = (input: ReportInput): NonNullable<ReportInput['change']> => ({
  previousRunAt: '2026-11-19T03:00:00.000Z',
  newCount: 7,
  resolvedCount: 4,
  topNew: input.findings.filter((f) => f.status === 'fail' && !f.muted).slice(0, 2),
});

function withChange(lang: 'ko' | 'en'): ReportInput {
  const input = fixtureReportInput({ lang }, 90);
  return {
    ...input,
    change: CHANGE(input),
    displayCurrency: { code: 'KRW', rate: 1400, rateDate: '2026-12-01' },
  };
}

beforeAll(async () => {
  dir = await tempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF executive summary a manager can act on', () => {
  const input = fixtureReportInput({ lang: 'en' }, 90);
  const actions = topActions(input.findings, checkLookup(input.checks));

  it('ranks risks by severity then count, and savings by amount, five of each', () => {
    expect(actions.risks.length).toBeGreaterThan(0);
    expect(actions.risks.length).toBeLessThanOrEqual(5);
    const order = ['critical', 'high', 'medium', 'low'];
    const ranks = actions.risks.map((r) => order.indexOf(r.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const amounts = actions.savings.map((s) => s.savingsUsd);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(actions.savings.every((s) => s.savingsUsd > 0)).toBe(true);
  });

  it('en: top risks and savings in words, change since the previous run, account and scope on the cover', async () => {
    const file = await renderToFile(withChange('en'), `${dir}/en.pdf`);
    const cover = await pdfText(file, 1);
    expect(cover).toContain('123456789012 · 운영 계정 (prod)');
    expect(cover).toMatch(/Scope\s+5 services, \d+ regions/);
    expect(cover).not.toContain('run-20261126-0001');
    const text = squash(await pdfText(file));
    for (const heading of ['What to act on first', 'Top risks', 'Top savings', 'Since the previous run']) {
      expect(text).toContain(squash(heading));
    }
    const risk = actions.risks[0]!;
    expect(text).toContain(squash(`${risk.check.failureLabel.en} — `));
    expect(text).toContain(squash(`${actions.savings[0]!.check.failureLabel.en}: about $`));
    expect(text).toContain(squash('7 new open findings, 4 resolved.'));
    expect(text).toContain(squash('Most severe new findings'));
    // The display currency beside USD, with the user's rate and its date.
    expect(text).toMatch(/\$[\d,.]+\(≈₩[\d,]+\)/);
    expect(text).toContain(squash('1 USD = 1,400 (2026-12-01)'));
  });

  it('ko: the same in natural Korean', async () => {
    const file = await renderToFile(withChange('ko'), `${dir}/ko.pdf`);
    const cover = await pdfText(file, 1);
    expect(cover).toMatch(/범위\s+서비스 5개, 리전 \d+개/);
    const text = squash(await pdfText(file));
    for (const heading of ['먼저 조치할 항목', '주요 위험', '주요 절감 항목', '이전 실행 이후 변화']) {
      expect(text).toContain(squash(heading));
    }
    expect(text).toContain(squash(`${actions.risks[0]!.check.failureLabel.ko} — `));
    expect(text).toContain(squash('새 미해결 발견 항목은 7건, 해결된 발견 항목은 4건입니다.'));
    expect(text).toContain(squash('1 USD = 1,400, 2026-12-01 기준'));
    expect(text).toContain(squash('월 약 US$'));
  });

  it('says so when there is no previous run of the same scope', async () => {
    const file = await renderToFile(fixtureReportInput({ lang: 'en' }, 30), `${dir}/none.pdf`);
    expect(squash(await pdfText(file))).toContain(
      squash('There is no earlier run of the same scope (connection, services and regions) to compare with.'),
    );
    expect(squash(await pdfText(file))).not.toContain('≈');
  });
});
