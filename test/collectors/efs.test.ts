import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { beforeAll, describe, expect, it } from 'vitest';
import { efsFileSystems } from '../../src/collectors/efs/file-systems.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

/** One more than a DescribeFileSystems page (100). */
const MANY = 101;
const ids = { safe: '', plain: '' };

describe('efs collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new EFSClient(motoClientConfig('us-east-1'));
    ids.safe =
      (
        await east.send(
          new CreateFileSystemCommand({
            CreationToken: 'safe',
            Encrypted: true,
            Backup: true,
            Tags: [{ Key: 'Name', Value: 'shared' }],
          }),
        )
      ).FileSystemId ?? '';
    ids.plain = (await east.send(new CreateFileSystemCommand({ CreationToken: 'plain' }))).FileSystemId ?? '';
    const west = new EFSClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1)
      await west.send(new CreateFileSystemCommand({ CreationToken: `bulk-${i}` }));
  });

  it('collects encryption, name, tags and the backup policy (moto: set only at creation)', async () => {
    const harness = createHarness();
    const fileSystems = await harness.run(efsFileSystems, 'us-east-1');
    const byId = new Map(fileSystems.map((f) => [f.fileSystemId, f]));
    expect(fileSystems).toHaveLength(2);
    expect(byId.get(ids.safe)).toMatchObject({
      region: 'us-east-1',
      name: 'shared',
      encrypted: true,
      backupPolicyStatus: 'ENABLED',
      tags: [{ key: 'Name', value: 'shared' }],
    });
    expect(byId.get(ids.plain)?.encrypted).toBe(false);
    expect(byId.get(ids.plain)?.backupPolicyStatus).not.toBe('ENABLED');
    expect(fileSystems.every((f) => f.fieldErrors === undefined)).toBe(true);
  });

  it('pages DescribeFileSystems in its own region and asks the backup policy per file system', async () => {
    const harness = createHarness();
    const fileSystems = await harness.run(efsFileSystems, 'eu-west-1');
    expect(fileSystems).toHaveLength(MANY);
    expect(fileSystems.every((f) => f.region === 'eu-west-1')).toBe(true);
    expect(harness.calls.get('DescribeFileSystems')).toBe(2);
    expect(harness.calls.get('DescribeBackupPolicy')).toBe(MANY);
  });

  it('marks only the backup policy when DescribeBackupPolicy is denied', async () => {
    const harness = createHarness({ deny: ['DescribeBackupPolicy'] });
    const safe = (await harness.run(efsFileSystems, 'us-east-1')).find((f) => f.fileSystemId === ids.safe);
    expect(safe?.backupPolicyStatus).toBeUndefined();
    expect(safe?.fieldErrors?.backupPolicyStatus).toMatchObject({
      operation: 'DescribeBackupPolicy',
      code: 'AccessDenied',
    });
    expect(safe?.encrypted).toBe(true);
  });
});
