import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { PreconditionFailedError } from '../../src/core/storage.js';
import { S3Storage } from '../../src/storage/s3.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { describeStorageContract } from './contract.js';

async function freshBucket(bucket: string) {
  // The storage retries like production (src/storage/index.ts: maxAttempts 3). moto's threaded
  // server now and then answers a burst of parallel requests with an HTML 500 from an internal race;
  // real S3 has its own transient 5xx, and the retry is what covers both.
  const config = { ...motoClientConfig('ap-northeast-2'), maxAttempts: 3 };
  const admin = new S3Client(config);
  await admin.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
    }),
  );
  admin.destroy();
  return config;
}

describeStorageContract('s3', async () => {
  await resetMoto();
  const config = await freshBucket('again-contract-test');
  const storage = new S3Storage('again-contract-test', config);
  const other = new S3Storage('again-contract-test', config);
  return {
    storage,
    other,
    cleanup: async () => {
      storage.destroy();
      other.destroy();
    },
  };
});

describe('S3 conditional writes across processes', () => {
  it('S3 itself refuses a stale etag or an existing key from another server instance', async () => {
    const config = await freshBucket('again-two-servers');
    // Two instances share no in-process queue: only S3's If-Match / If-None-Match stand between them.
    const one = new S3Storage('again-two-servers', config);
    const two = new S3Storage('again-two-servers', config);
    const first = await one.put('doc.json', 'v1', { ifNoneMatch: '*' });
    await expect(two.put('doc.json', 'v1-bis', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await two.put('doc.json', 'v2', { ifMatch: first.etag });
    await expect(one.put('doc.json', 'v3', { ifMatch: first.etag })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await one.get('doc.json'))?.body.toString()).toBe('v2');
    one.destroy();
    two.destroy();
  });
});
