import { describe, expect, it } from 'vitest';
import { type KoString, koreanStrings, strayLatinWords } from './korean-strings.js';

const PARTICLE_PAIR = /[을이은와]\([를가는과]\)|\(으\)로|\(이\)[라나]/;
const HANGUL = /[가-힣]/;

function where(s: KoString): string {
  return `${s.file}:${s.line}: ${s.text}`;
}

describe('Korean strings read as native Korean', () => {
  const strings = koreanStrings();

  it('finds the Korean strings of checks, reports and the web', () => {
    const files = new Set(strings.map((s) => s.file));
    expect(strings.length).toBeGreaterThan(1000);
    for (const expected of [
      'src/web/i18n/ko.ts',
      'src/web/pages/advisor/messages.ko.ts',
      'src/reports/i18n.ts',
      'src/checks/ec2/ec2-instance-not-idle.ts',
      'src/checks/lib/security-groups.ts',
    ]) {
      expect([...files], expected).toContain(expected);
    }
  });

  it('never leaves a both-ways particle such as 을(를) or 이(가)', () => {
    expect(strings.filter((s) => PARTICLE_PAIR.test(s.text)).map(where)).toEqual([]);
  });

  it('has no English words left in Korean sentences (ids, AWS names and units allowed)', () => {
    const offending = strings
      .filter((s) => HANGUL.test(s.text))
      .map((s) => ({ s, words: strayLatinWords(s.text) }))
      .filter(({ words }) => words.length > 0)
      .map(({ s, words }) => `${where(s)}  ⟵ ${words.join(', ')}`);
    expect(offending).toEqual([]);
  });

  it('uses the glossary terms (docs/glossary.md): 예외 처리, not 음소거', () => {
    expect(strings.filter((s) => /음소거/.test(s.text)).map(where)).toEqual([]);
  });

  it('the stray-word detector catches the known bad cases and spares ids', () => {
    expect(strayLatinWords('all protocols and ports from 0.0.0.0/0')).toEqual([
      'all',
      'protocols',
      'and',
      'ports',
      'from',
    ]);
    expect(strayLatinWords('기본값 7 days')).toEqual(['days']);
    expect(strayLatinWords('i-0abc의 IMDSv2 설정 (HttpTokens=optional), m5.large, gp3, 730 USD')).toEqual([]);
  });
});
