import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  ModifyDBSnapshotAttributeCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, it } from 'vitest';
import { rdsInstances } from '../../src/collectors/rds/instances.js';
import { rdsSnapshots } from '../../src/collectors/rds/snapshots.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

async function createDb(region: string, id: string, extra: Record<string, unknown>): Promise<RDSClient> {
  const rds = new RDSClient(motoClientConfig(region));
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: id,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      AllocatedStorage: 20,
      MasterUsername: 'admin',
      MasterUserPassword: 'not-collected-1234',
      ...extra,
    }),
  );
  return rds;
}

describe('rds collectors', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = await createDb('us-east-1', 'orders-db', {
      MultiAZ: true,
      PubliclyAccessible: true,
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      DeletionProtection: true,
      Tags: [{ Key: 'team', Value: 'orders' }],
    });
    await createDb('eu-west-1', 'legacy-db', { DBInstanceClass: 'db.m4.large', BackupRetentionPeriod: 0 });
    await east.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders-db', DBSnapshotIdentifier: 'public-snap' }),
    );
    await east.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'orders-db',
        DBSnapshotIdentifier: 'private-snap',
      }),
    );
    await east.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: 'public-snap',
        AttributeName: 'restore',
        ValuesToAdd: ['all'],
      }),
    );
  });

  it('collects instances per region with the fields the checks read', async () => {
    const harness = createHarness();
    const [orders, ...moreEast] = await harness.run(rdsInstances, 'us-east-1');
    const west = await harness.run(rdsInstances, 'eu-west-1');
    expect(moreEast).toEqual([]);
    expect(orders).toMatchObject({
      region: 'us-east-1',
      dbInstanceIdentifier: 'orders-db',
      arn: `arn:aws:rds:us-east-1:${TEST_ACCOUNT_ID}:db:orders-db`,
      dbInstanceClass: 'db.t3.micro',
      engine: 'postgres',
      allocatedStorageGiB: 20,
      multiAZ: true,
      publiclyAccessible: true,
      storageEncrypted: true,
      backupRetentionPeriod: 7,
      deletionProtection: true,
      tags: [{ key: 'team', value: 'orders' }],
    });
    expect(typeof orders?.autoMinorVersionUpgrade).toBe('boolean');
    expect(west).toHaveLength(1);
    expect(west[0]).toMatchObject({
      region: 'eu-west-1',
      dbInstanceIdentifier: 'legacy-db',
      dbInstanceClass: 'db.m4.large',
      multiAZ: false,
      publiclyAccessible: false,
      storageEncrypted: false,
      backupRetentionPeriod: 0,
      deletionProtection: false,
    });
    expect(JSON.stringify([orders, ...west])).not.toContain('not-collected-1234');
    expect(harness.calls.get('DescribeDBInstances')).toBe(2);
  });

  it('collects automated and manual snapshots, the restore attribute for manual ones only', async () => {
    const harness = createHarness();
    const snapshots = await harness.run(rdsSnapshots, 'us-east-1');
    const west = await harness.run(rdsSnapshots, 'eu-west-1');
    const byId = new Map(snapshots.map((s) => [s.dbSnapshotIdentifier, s]));
    // The emulator takes an automated snapshot of every new instance, as AWS does with backups on.
    const automated = snapshots.filter((s) => s.snapshotType === 'automated');
    expect(automated.map((s) => s.dbInstanceIdentifier)).toEqual(['orders-db']);
    expect(automated[0]?.dbSnapshotIdentifier).toMatch(/^rds:orders-db-/);
    expect(automated[0]?.restoreAttribute).toBeUndefined();
    expect(automated[0]?.fieldErrors).toBeUndefined();
    expect(west.map((s) => s.snapshotType)).toEqual(['automated']);
    expect(snapshots).toHaveLength(3);
    expect(byId.get('public-snap')).toMatchObject({
      region: 'us-east-1',
      dbInstanceIdentifier: 'orders-db',
      snapshotType: 'manual',
      encrypted: true,
      restoreAttribute: ['all'],
    });
    expect(byId.get('private-snap')?.restoreAttribute).toEqual([]);
    expect(harness.calls.get('DescribeDBSnapshots')).toBe(2);
    expect(harness.calls.get('DescribeDBSnapshotAttributes')).toBe(2);
  });

  it('leaves restoreAttribute unknown with a field error when the call is denied', async () => {
    const harness = createHarness({ deny: ['DescribeDBSnapshotAttributes'] });
    const snapshots = (await harness.run(rdsSnapshots, 'us-east-1')).filter(
      (s) => s.snapshotType === 'manual',
    );
    expect(snapshots).toHaveLength(2);
    for (const s of snapshots) {
      expect(s.restoreAttribute).toBeUndefined();
      expect(s.fieldErrors?.restoreAttribute).toMatchObject({ code: 'AccessDenied' });
    }
  });
});
