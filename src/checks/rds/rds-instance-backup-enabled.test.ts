import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-backup-enabled.js';

describe('rds-instance-backup-enabled', () => {
  it('0 → fail, 1–6 → warning, ≥ 7 → pass; Aurora members are not applicable', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [
          rdsInstance('db-off', { backupRetentionPeriod: 0 }),
          rdsInstance('db-one', { backupRetentionPeriod: 1 }),
          rdsInstance('db-six', { backupRetentionPeriod: 6 }),
          rdsInstance('db-seven', { backupRetentionPeriod: 7 }),
          rdsInstance('db-aurora', { backupRetentionPeriod: 0, dbClusterIdentifier: 'cluster-1' }),
        ],
      }),
    );
    expect(findingFor(findings, 'db-off').status).toBe('fail');
    expect(findingFor(findings, 'db-off').message.en).toContain('BackupRetentionPeriod=0');
    expect(findingFor(findings, 'db-one').status).toBe('warning');
    expect(findingFor(findings, 'db-six').status).toBe('warning');
    expect(findingFor(findings, 'db-seven').status).toBe('pass');
    expect(findingFor(findings, 'db-aurora').status).toBe('not_applicable');
  });
});
