import {
  CreateAliasCommand,
  CreateKeyCommand,
  EnableKeyRotationCommand,
  KMSClient,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { kmsKeys } from '../../src/collectors/kms/keys.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

/** moto answers ListKeys and ListAliases in one page whatever the limit, so a few keys suffice. */
const MANY = 3;
const ids = { rotating: '', plain: '', doomed: '', signing: '' };

describe('kms collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new KMSClient(motoClientConfig('us-east-1'));
    const create = async (Description: string, extra: object = {}) =>
      (await east.send(new CreateKeyCommand({ Description, ...extra }))).KeyMetadata?.KeyId ?? '';
    ids.rotating = await create('rotating');
    ids.plain = await create('plain');
    ids.doomed = await create('doomed');
    ids.signing = await create('signing', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    await east.send(new EnableKeyRotationCommand({ KeyId: ids.rotating }));
    await east.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: ids.rotating }));
    await east.send(new ScheduleKeyDeletionCommand({ KeyId: ids.doomed, PendingWindowInDays: 7 }));
    const west = new KMSClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1) {
      const keyId = (await west.send(new CreateKeyCommand({ Description: `bulk-${i}` }))).KeyMetadata?.KeyId;
      await west.send(new CreateAliasCommand({ AliasName: `alias/bulk-${i}`, TargetKeyId: keyId }));
    }
  });

  it('collects keys with alias, state, rotation (symmetric enabled keys only) and the parsed policy', async () => {
    const harness = createHarness();
    const keys = await harness.run(kmsKeys, 'us-east-1');
    const byId = new Map(keys.map((k) => [k.keyId, k]));
    expect(keys).toHaveLength(4);
    expect(byId.get(ids.rotating)).toMatchObject({
      region: 'us-east-1',
      alias: 'alias/orders',
      keyManager: 'CUSTOMER',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyState: 'Enabled',
      rotationEnabled: true,
    });
    expect(byId.get(ids.rotating)?.arn).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
    expect(byId.get(ids.plain)?.rotationEnabled).toBe(false);
    expect(byId.get(ids.plain)?.policy?.Statement.length).toBeGreaterThan(0);
    expect(byId.get(ids.doomed)).toMatchObject({ keyState: 'PendingDeletion' });
    expect(byId.get(ids.doomed)?.deletionDate).toBeDefined();
    // Rotation does not apply to a key pending deletion nor to an asymmetric key: not asked.
    expect(byId.get(ids.doomed)?.rotationEnabled).toBeUndefined();
    expect(byId.get(ids.signing)?.rotationEnabled).toBeUndefined();
    expect(harness.calls.get('GetKeyRotationStatus')).toBe(2);
    expect(keys.every((k) => k.fieldErrors === undefined)).toBe(true);
  });

  it('keeps regions apart: two list calls, then the per-key calls AWS has no batch form for', async () => {
    const harness = createHarness();
    const keys = await harness.run(kmsKeys, 'eu-west-1');
    expect(keys).toHaveLength(MANY);
    expect(keys.every((k) => k.region === 'eu-west-1' && k.alias?.startsWith('alias/bulk-'))).toBe(true);
    expect(harness.calls.get('ListKeys')).toBe(1);
    expect(harness.calls.get('ListAliases')).toBe(1);
    expect(harness.calls.get('DescribeKey')).toBe(MANY);
    expect(harness.calls.get('GetKeyPolicy')).toBe(MANY);
  });

  it('marks the policy field, not the whole key, when GetKeyPolicy is denied', async () => {
    const harness = createHarness({ deny: ['GetKeyPolicy'] });
    const keys = await harness.run(kmsKeys, 'us-east-1');
    const plain = keys.find((k) => k.keyId === ids.plain);
    expect(plain?.policy).toBeUndefined();
    expect(plain?.fieldErrors?.policy).toMatchObject({ operation: 'GetKeyPolicy', code: 'AccessDenied' });
    expect(plain?.rotationEnabled).toBe(false);
    expect(plain?.fieldErrors?.rotationEnabled).toBeUndefined();
  });

  it('marks key manager, spec and state when DescribeKey is denied', async () => {
    const harness = createHarness({ deny: ['DescribeKey'] });
    const keys = await harness.run(kmsKeys, 'us-east-1');
    expect(keys).toHaveLength(4);
    for (const key of keys) {
      expect(key.keyManager).toBeUndefined();
      for (const field of ['keyManager', 'keySpec', 'keyState'])
        expect(key.fieldErrors?.[field]?.operation, field).toBe('DescribeKey');
    }
  });
});
