/**
 * End to end for S3: seed the emulator, collect with the real runner, advise with the real engine.
 */
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

async function seed(): Promise<void> {
  const s3 = new S3Client(motoClientConfig('us-east-1'));
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-public' }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'e2e-public',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Website',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::e2e-public/*',
          },
        ],
      }),
    }),
  );
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-secure' }));
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: 'e2e-secure',
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: 'e2e-secure', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'e2e-secure',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: 'e2e-secure',
      LifecycleConfiguration: {
        Rules: [
          {
            ID: 'tiering',
            Status: 'Enabled',
            Filter: { Prefix: '' },
            Transitions: [{ Days: 0, StorageClass: 'INTELLIGENT_TIERING' }],
          },
        ],
      },
    }),
  );
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'e2e-secure',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::e2e-secure', 'arn:aws:s3:::e2e-secure/*'],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    }),
  );
  s3.destroy();
}

describe('S3 advisor end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, { collect: ['s3'] });

  it('evaluates every S3 check with no unknowns when nothing was denied', () => {
    expect(findings().filter((f) => f.status === 'unknown')).toEqual([]);
    // 8 bucket checks × 2 buckets + the account-level check.
    expect(findings()).toHaveLength(17);
  });

  it('reports the public, unprotected bucket', () => {
    expect(statuses('s3-bucket-not-public', 'e2e-public')).toEqual(['fail']);
    expect(statuses('s3-bucket-public-access-block', 'e2e-public')).toEqual(['fail']);
    expect(statuses('s3-bucket-default-encryption', 'e2e-public')).toEqual(['fail']);
    expect(statuses('s3-bucket-versioning-enabled', 'e2e-public')).toEqual(['fail']);
    expect(statuses('s3-bucket-secure-transport', 'e2e-public')).toEqual(['fail']);
    expect(statuses('s3-account-public-access-block', ACCOUNT_ID)).toEqual(['fail']);
  });

  it('passes the hardened bucket', () => {
    for (const checkId of [
      's3-bucket-not-public',
      's3-bucket-public-access-block',
      's3-bucket-default-encryption',
      's3-bucket-versioning-enabled',
      's3-bucket-lifecycle-configured',
      's3-bucket-intelligent-tiering',
      's3-bucket-secure-transport',
    ]) {
      expect(statuses(checkId, 'e2e-secure'), checkId).toEqual(['pass']);
    }
    expect(statuses('s3-bucket-access-logging-enabled', 'e2e-secure')).toEqual(['fail']);
  });
});
