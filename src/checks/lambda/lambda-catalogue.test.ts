import { describe, expect, it } from 'vitest';
import { allChecks } from '../registry.js';

/** CHECKS.md, Lambda table: id → category / severity. */
const CATALOGUE: [string, string, string][] = [
  ['lambda-function-runtime-supported', 'security', 'high'],
  ['lambda-function-memory-right-sized', 'cost', 'low'],
  ['lambda-function-timeout-appropriate', 'performance', 'medium'],
  ['lambda-function-code-signing', 'security', 'low'],
  ['lambda-function-not-public', 'security', 'critical'],
  ['lambda-function-role-least-privilege', 'security', 'high'],
  ['lambda-function-error-rate', 'fault_tolerance', 'medium'],
];

describe('Lambda catalogue (CHECKS.md)', () => {
  it('has exactly the catalogue checks with their category and severity', () => {
    const mine = allChecks.filter((c) => c.service === 'lambda').map((c) => [c.id, c.category, c.severity]);
    expect(mine.sort()).toEqual([...CATALOGUE].sort());
  });
});
