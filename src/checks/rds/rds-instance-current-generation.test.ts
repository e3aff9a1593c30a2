import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-current-generation.js';

describe('rds-instance-current-generation', () => {
  it('fails previous-generation classes with the current equivalent and passes current ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [
          rdsInstance('db-m5'),
          rdsInstance('db-m4', { dbInstanceClass: 'db.m4.large', multiAZ: false }),
          rdsInstance('db-t2', { dbInstanceClass: 'db.t2.micro' }),
        ],
      }),
    );
    expect(findingFor(findings, 'db-m5').status).toBe('pass');
    const m4 = findingFor(findings, 'db-m4');
    expect(m4.status).toBe('fail');
    expect(m4.details?.recommendedClass).toBe('db.m5.large');
    expect(m4.estimatedMonthlySavingsUsd).toBe(2.92); // (0.175 − 0.171) × 730
    expect(findingFor(findings, 'db-t2').details?.recommendedClass).toBe('db.t3.micro');
  });
});
