import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatNumber, formatUsd, LOCALES } from './format';

describe('web formatting', () => {
  const iso = '2026-03-05T23:30:00.000Z';

  it('shows a date-time in the viewer time zone, with the zone named', () => {
    const seoul = formatDateTime(LOCALES.ko, iso, 'Asia/Seoul') ?? '';
    expect(seoul).toContain('2026');
    expect(seoul).toContain('6일'); // 23:30 UTC on the 5th is the 6th in Seoul
    expect(seoul).toMatch(/08:30|8:30/);
    const newYork = formatDateTime(LOCALES.en, iso, 'America/New_York') ?? '';
    expect(newYork).toContain('Mar 5, 2026');
    expect(newYork).toMatch(/06:30\s?PM/);
    expect(newYork).toMatch(/EST/);
  });

  it('returns null for a value that is not a date (the UI shows a dash)', () => {
    expect(formatDateTime(LOCALES.en, 'yesterday')).toBeNull();
  });

  it('formats numbers and dollars for the chosen language', () => {
    expect(formatNumber(LOCALES.en, 1234567.5)).toBe('1,234,567.5');
    expect(formatUsd(LOCALES.en, 1234.5)).toBe('$1,234.50');
    expect(formatUsd(LOCALES.ko, 1234.5)).toBe('US$1,234.50');
  });

  it('adds the display currency beside USD, joined by non-breaking spaces so it never wraps', () => {
    const krw = { code: 'KRW', rate: 1400, rateDate: '2026-12-01' } as const;
    expect(formatMoney('en', 12.5)).toBe('$12.50');
    expect(formatMoney('en', 12.5, krw)).toBe('$12.50\u00a0≈\u00a0₩17,500');
    expect(formatMoney('ko', 1234.5, krw)).toBe('US$1,234.50\u00a0≈\u00a0₩1,728,300');
    expect(formatMoney('ko', 1, krw)).not.toMatch(/ /);
  });
});
