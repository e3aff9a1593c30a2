/**
 * End to end for ECR, Secrets Manager, ACM, KMS, DynamoDB and EFS: seed the emulator as the demo
 * does, collect with the real runner, advise with the real engine. What moto cannot show
 * (LastAccessedDate, expiring certificates, backdated dates) is covered by the checks' unit tests.
 */
import { describe, expect, it } from 'vitest';
import { type SeededStore, seedStoreRegion } from '../../scripts/demo-seed-store.js';
import { advisedAccount } from '../../test/support/advise.js';
import { motoEndpoint, testCredentials } from '../../test/support/moto.js';

const REGION = 'us-east-1';
let seeded: SeededStore;

async function seed(): Promise<void> {
  const target = { endpoint: motoEndpoint(), credentials: testCredentials };
  seeded = await seedStoreRegion(target, REGION, new Date());
}

describe('ECR, Secrets Manager, ACM, KMS, DynamoDB and EFS end to end', () => {
  const { of, findings } = advisedAccount(seed, {
    collect: ['ecr', 'secretsmanager', 'acm', 'kms', 'dynamodb', 'efs'],
    regions: [REGION],
  });
  const byName = (checkId: string, name: string) =>
    findings()
      .filter((f) => f.checkId === checkId && f.resourceName === name)
      .map((f) => f.status);

  it('ECR: passes the configured repository and fails the default, public one on every check', () => {
    for (const id of [
      'ecr-repository-scan-on-push',
      'ecr-repository-tags-immutable',
      'ecr-repository-not-public',
      'ecr-repository-lifecycle-policy',
    ]) {
      expect(of(id, seeded.repositories.good).status, id).toBe('pass');
      expect(of(id, seeded.repositories.bad).status, id).toBe('fail');
    }
  });

  it('Secrets Manager: fails rotation and passes use for a new secret (moto has no LastAccessedDate: unit-tested)', () => {
    expect(byName('secretsmanager-rotation-enabled', seeded.secret)).toEqual(['fail']);
    expect(byName('secretsmanager-secret-used', seeded.secret)).toEqual(['pass']);
  });

  it('ACM: the requested RSA_2048 certificate passes, not ISSUED yet so expiry is not applicable; the imported 1,024-bit one fails', () => {
    expect(byName('acm-certificate-key-strong', seeded.certificateDomain)).toEqual(['pass']);
    expect(byName('acm-certificate-not-expiring', seeded.certificateDomain)).toEqual(['not_applicable']);
    expect(byName('acm-certificate-key-strong', 'legacy.example.com')).toEqual(['fail']);
  });

  it('KMS: judges rotation, pending deletion and the key policy', () => {
    const { rotating, legacy, retired } = seeded.keys;
    expect(of('kms-key-rotation-enabled', rotating).status).toBe('pass');
    expect(of('kms-key-rotation-enabled', legacy).status).toBe('fail');
    expect(of('kms-key-not-pending-deletion', rotating).status).toBe('pass');
    expect(of('kms-key-not-pending-deletion', retired).status).toBe('warning');
    expect(of('kms-key-policy-not-public', rotating).status).toBe('pass');
    expect(of('kms-key-policy-not-public', legacy).status).toBe('fail');
  });

  it('DynamoDB: passes the protected, backed-up, KMS-encrypted, busy table and fails the plain idle one', () => {
    for (const id of [
      'dynamodb-table-pitr-enabled',
      'dynamodb-table-deletion-protection',
      'dynamodb-table-kms-encrypted',
      'dynamodb-table-not-idle',
    ]) {
      expect(of(id, seeded.tables.good).status, id).toBe('pass');
      expect(of(id, seeded.tables.bad).status, id).toBe('fail');
    }
    expect(of('dynamodb-table-not-idle', seeded.tables.bad).estimatedMonthlySavingsUsd).toBe(3.32);
  });

  it('EFS: passes the encrypted, backed-up file system and fails the plain one', () => {
    for (const id of ['efs-file-system-encrypted', 'efs-file-system-backup-enabled']) {
      expect(of(id, seeded.fileSystems.good).status, id).toBe('pass');
      expect(of(id, seeded.fileSystems.bad).status, id).toBe('fail');
    }
  });
});
