import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-multi-az.js';

describe('rds-instance-multi-az', () => {
  it('passes Multi-AZ and fails Single-AZ instances', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [
          rdsInstance('db-maz'),
          rdsInstance('db-saz', { multiAZ: false, availabilityZone: 'us-east-1a' }),
        ],
      }),
    );
    expect(findingFor(findings, 'db-maz').status).toBe('pass');
    expect(findingFor(findings, 'db-saz').status).toBe('fail');
    expect(findingFor(findings, 'db-saz').message.en).toContain('us-east-1a');
  });
});
