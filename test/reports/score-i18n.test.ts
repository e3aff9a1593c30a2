import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import type { FindingStatus, Severity } from '../../src/core/services.js';
import { createFormatters } from '../../src/reports/format.js';
import { LABELS, label } from '../../src/reports/i18n.js';
import { computeScore, SEVERITY_WEIGHTS, scoresByService } from '../../src/reports/score.js';
import { ReportInputError } from '../../src/reports/types.js';

function finding(status: FindingStatus, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    checkId: 'c',
    service: 'ec2',
    category: 'security',
    severity,
    status,
    region: 'us-east-1',
    resourceId: 'r',
    message: { ko: '', en: '' },
    ...extra,
  };
}

describe('score', () => {
  it('is passed / (passed + failed + 0.5 × warning), weighted by severity', () => {
    // pass high (4) / (4 + fail low (1) + 0.5 × warning medium (2)) = 4 / 6
    const result = computeScore([
      finding('pass', 'high'),
      finding('fail', 'low'),
      finding('warning', 'medium'),
    ]);
    expect(result.score).toBe(Math.round((100 * 4) / 6));
    expect(result).toMatchObject({ passed: 1, failed: 1, warning: 1 });
  });

  it('an open critical costs more than an open low', () => {
    const base = [finding('pass', 'medium'), finding('pass', 'medium')];
    const critical = computeScore([...base, finding('fail', 'critical')]).score!;
    const low = computeScore([...base, finding('fail', 'low')]).score!;
    expect(critical).toBeLessThan(low);
    expect(SEVERITY_WEIGHTS.critical).toBeGreaterThan(SEVERITY_WEIGHTS.low);
  });

  it('ignores muted, unknown and not_applicable findings; null when nothing was evaluated', () => {
    const muted = finding('fail', 'critical', {
      muted: { reason: 'x', by: 'a', at: '2026-01-01T00:00:00Z', ruleId: 'm' },
    });
    const result = computeScore([
      finding('pass', 'low'),
      muted,
      finding('unknown', 'high'),
      finding('not_applicable', 'high'),
    ]);
    expect(result).toMatchObject({ score: 100, muted: 1, unknown: 1, notApplicable: 1 });
    expect(computeScore([finding('unknown', 'high')]).score).toBeNull();
    expect(computeScore([]).score).toBeNull();
  });

  it('scores each service separately', () => {
    const scores = scoresByService([finding('pass', 'low'), finding('fail', 'low', { service: 's3' })]);
    expect(scores.ec2?.score).toBe(100);
    expect(scores.s3?.score).toBe(0);
    expect(scores.iam).toBeUndefined();
  });
});

describe('report labels', () => {
  it('Korean and English have identical keys, none empty, with the same placeholders', () => {
    expect(Object.keys(LABELS.ko).sort()).toEqual(Object.keys(LABELS.en).sort());
    for (const key of Object.keys(LABELS.en) as (keyof typeof LABELS.en)[]) {
      expect(LABELS.en[key].trim(), key).not.toBe('');
      expect(LABELS.ko[key].trim(), key).not.toBe('');
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(LABELS.ko[key]), key).toEqual(placeholders(LABELS.en[key]));
    }
  });

  it('Korean labels are actually Korean (except product names)', () => {
    // A label made only of placeholders and punctuation ('{severity}: {check} — …') has no words
    // of its own to translate.
    const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
    const notHangul = Object.entries(LABELS.ko).filter(
      ([, text]) => words(text) !== '' && !/[\uAC00-\uD7A3]/.test(text),
    );
    expect(notHangul.map(([key]) => key)).toEqual(['productName']);
  });

  it('fills placeholders', () => {
    expect(label('en', 'page', { x: 3, y: 12 })).toBe('Page 3 / 12');
    expect(label('ko', 'page', { x: 3, y: 12 })).toBe('3 / 12 페이지');
  });
});

describe('formatters', () => {
  it('format money and numbers per language, dates in the stated zone', () => {
    const en = createFormatters('en', 'America/New_York');
    const ko = createFormatters('ko', 'Asia/Seoul');
    expect(en.money(1234.5)).toBe('$1,234.50');
    expect(ko.money(1234.5)).toBe('US$1,234.50');
    expect(en.number(12345.678)).toBe('12,345.68');
    // 03:05 UTC is 22:05 the day before in New York and 12:05 in Seoul.
    expect(en.dateTime('2026-11-26T03:05:00Z')).toMatch(
      /November 25, 2026 at 10:05.PM \(America\/New_York\)/,
    );
    expect(ko.dateTime('2026-11-26T03:05:00Z')).toMatch(/2026년 11월 26일 .*12:05 \(Asia\/Seoul\)/);
    expect(en.dateTime('not a date')).toBe('not a date');
  });

  it('rejects an unknown time zone with a clear error', () => {
    expect(() => createFormatters('en', 'Nowhere/City')).toThrow(ReportInputError);
    expect(() => createFormatters('en', 'Nowhere/City')).toThrow(/Unknown time zone "Nowhere\/City"/);
  });
});
