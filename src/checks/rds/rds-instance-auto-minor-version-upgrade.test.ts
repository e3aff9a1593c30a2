import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-auto-minor-version-upgrade.js';

describe('rds-instance-auto-minor-version-upgrade', () => {
  it('passes when on and fails when off', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [
          rdsInstance('db-on'),
          rdsInstance('db-off', { autoMinorVersionUpgrade: false, engineVersion: '8.0.35' }),
        ],
      }),
    );
    expect(findingFor(findings, 'db-on').status).toBe('pass');
    expect(findingFor(findings, 'db-off').status).toBe('fail');
    expect(findingFor(findings, 'db-off').message.en).toContain('mysql 8.0.35');
  });
});
