import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-storage-encrypted.js';

describe('rds-instance-storage-encrypted', () => {
  it('passes encrypted and fails unencrypted instances', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.instances': [rdsInstance('db-enc'), rdsInstance('db-plain', { storageEncrypted: false })],
      }),
    );
    expect(findingFor(findings, 'db-enc').status).toBe('pass');
    expect(findingFor(findings, 'db-plain').status).toBe('fail');
    expect(findingFor(findings, 'db-plain').message.ko).toContain('StorageEncrypted=false');
  });
});
