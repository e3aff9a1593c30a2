import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { S3Storage } from '../../src/storage/s3.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { describeStorageContract } from './contract.js';

describeStorageContract('s3', async () => {
  await resetMoto();
  const config = motoClientConfig('ap-northeast-2');
  const bucket = 'again-contract-test';
  const admin = new S3Client(config);
  await admin.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
    }),
  );
  admin.destroy();
  const storage = new S3Storage(bucket, config);
  return { storage, cleanup: async () => storage.destroy() };
});
