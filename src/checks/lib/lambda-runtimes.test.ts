import { describe, expect, it } from 'vitest';
import {
  daysUntilDeprecation,
  isRuntimeDeprecated,
  LAMBDA_RUNTIMES,
  lambdaRuntimeInfo,
} from './lambda-runtimes.js';

describe('Lambda runtime lifecycle table', () => {
  it.each([
    ['nodejs20.x', '2026-04-30'],
    ['python3.9', '2025-12-15'],
    ['python3.10', '2026-10-31'],
    ['nodejs22.x', '2027-04-30'],
    ['python3.12', '2028-10-31'],
  ])('pins the dates named in CHECKS.md: %s → %s', (id, date) => {
    expect(lambdaRuntimeInfo(id)?.deprecationDate).toBe(date);
  });

  it('has valid dates and upgrade targets that are themselves in the table', () => {
    for (const info of LAMBDA_RUNTIMES.values()) {
      expect(info.deprecationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(info.deprecationDate))).toBe(false);
      if (info.upgradeTo) {
        const target = LAMBDA_RUNTIMES.get(info.upgradeTo);
        expect(target, `${info.id} → ${info.upgradeTo}`).toBeDefined();
        expect(target!.deprecationDate > info.deprecationDate).toBe(true);
      }
    }
  });

  it('counts whole days to the deprecation, negative after it', () => {
    const info = lambdaRuntimeInfo('nodejs20.x')!;
    expect(daysUntilDeprecation(info, new Date('2026-04-29T12:00:00Z'))).toBe(0);
    expect(daysUntilDeprecation(info, new Date('2026-04-30T00:00:00Z'))).toBe(0);
    expect(daysUntilDeprecation(info, new Date('2026-04-30T00:00:01Z'))).toBe(-1);
    expect(daysUntilDeprecation(info, new Date('2026-01-30T00:00:00Z'))).toBe(90);
    expect(isRuntimeDeprecated(info, new Date('2026-04-29T23:59:59Z'))).toBe(false);
    expect(isRuntimeDeprecated(info, new Date('2026-04-30T00:00:00Z'))).toBe(true);
  });

  it('does not know made-up runtimes', () => {
    expect(lambdaRuntimeInfo('cobol85')).toBeUndefined();
    expect(lambdaRuntimeInfo(' Python3.12 ')?.id).toBe('python3.12');
  });
});
