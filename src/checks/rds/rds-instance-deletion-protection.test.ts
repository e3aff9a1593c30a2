import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-deletion-protection.js';

describe('rds-instance-deletion-protection', () => {
  it('passes protected and fails unprotected instances', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [rdsInstance('db-on'), rdsInstance('db-off', { deletionProtection: false })],
      }),
    );
    expect(findingFor(findings, 'db-on').status).toBe('pass');
    expect(findingFor(findings, 'db-off').status).toBe('fail');
  });
});
