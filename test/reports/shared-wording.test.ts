import { describe, expect, it } from 'vitest';
import { label } from '../../src/reports/i18n.js';
import { SEVERITY_COLORS as PDF_SEVERITY_COLORS } from '../../src/reports/pdf/theme.js';
import { SCORE_EXPLANATION, SEVERITY_COLORS } from '../../src/shared/advisor-text.js';
import { advisorEn } from '../../src/web/pages/advisor/messages.en.js';
import { advisorKo } from '../../src/web/pages/advisor/messages.ko.js';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe('the web and the PDF say and show the same', () => {
  it('explain the score with one severity-weighted sentence', () => {
    expect(label('en', 'scoreExplained')).toBe(SCORE_EXPLANATION.en);
    expect(label('ko', 'scoreExplained')).toBe(SCORE_EXPLANATION.ko);
    expect(advisorEn.results.scoreHelp).toBe(SCORE_EXPLANATION.en);
    expect(advisorKo.results.scoreHelp).toBe(SCORE_EXPLANATION.ko);
    expect(SCORE_EXPLANATION.en).toMatch(/severity-weighted/i);
  });

  it('use identical severity colours, High clearly apart from Medium', () => {
    expect(PDF_SEVERITY_COLORS).toEqual(SEVERITY_COLORS);
    const [h, m] = [rgb(SEVERITY_COLORS.high), rgb(SEVERITY_COLORS.medium)];
    const distance = Math.hypot(h[0] - m[0], h[1] - m[1], h[2] - m[2]);
    expect(distance).toBeGreaterThan(100);
  });
});
