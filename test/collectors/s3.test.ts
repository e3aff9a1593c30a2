import {
  type BucketCannedACL,
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  PutPublicAccessBlockCommand as PutAccountPabCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3AccountPublicAccessBlock } from '../../src/collectors/s3/account-public-access-block.js';
import { normalizeBucketRegion } from '../../src/collectors/s3/bucket-regions.js';
import { s3Buckets } from '../../src/collectors/s3/buckets.js';
import { motoClientConfig, motoEndpoint, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

async function createBucket(name: string, region: string): Promise<S3Client> {
  const s3 = new S3Client(motoClientConfig(region));
  await s3.send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: region as 'eu-west-1' } }),
    }),
  );
  return s3;
}

const securePolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecure',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::secure-eu', 'arn:aws:s3:::secure-eu/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

describe('s3.buckets', () => {
  beforeAll(async () => {
    await resetMoto();
    await createBucket('plain-us', 'us-east-1');
    const eu = await createBucket('secure-eu', 'eu-west-1');
    // Server access logging needs a target the log-delivery group may write to.
    await eu.send(
      new CreateBucketCommand({
        Bucket: 'logs-eu',
        // A canned ACL S3 accepts on buckets though the SDK's enum omits it; moto checks for it.
        ACL: 'log-delivery-write' as BucketCannedACL,
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    await eu.send(
      new PutBucketEncryptionCommand({
        Bucket: 'secure-eu',
        ServerSideEncryptionConfiguration: {
          Rules: [
            { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/k' } },
          ],
        },
      }),
    );
    await eu.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'secure-eu',
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: false,
        },
      }),
    );
    await eu.send(new PutBucketPolicyCommand({ Bucket: 'secure-eu', Policy: JSON.stringify(securePolicy) }));
    await eu.send(
      new PutBucketVersioningCommand({ Bucket: 'secure-eu', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    await eu.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: 'secure-eu',
        LifecycleConfiguration: {
          Rules: [
            {
              ID: 'tiering',
              Status: 'Enabled',
              Filter: { Prefix: '' },
              Transitions: [{ Days: 30, StorageClass: 'INTELLIGENT_TIERING' }],
              Expiration: { Days: 365 },
            },
          ],
        },
      }),
    );
    await eu.send(
      new PutBucketLoggingCommand({
        Bucket: 'secure-eu',
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'logs-eu', TargetPrefix: 'logs/' } },
      }),
    );
    await eu.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: 'secure-eu',
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    );
    const west = await createBucket('public-west', 'us-west-2');
    await west.send(new PutBucketAclCommand({ Bucket: 'public-west', ACL: 'public-read' }));
  });

  it('collects every bucket with its own region and settings, not-configured as null', async () => {
    const harness = createHarness();
    const buckets = await harness.run(s3Buckets);
    const byName = new Map(buckets.map((b) => [b.name, b]));
    expect([...byName.keys()].sort()).toEqual(['logs-eu', 'plain-us', 'public-west', 'secure-eu']);

    const plain = byName.get('plain-us')!;
    expect(plain).toMatchObject({
      region: 'us-east-1',
      arn: 'arn:aws:s3:::plain-us',
      encryption: null,
      publicAccessBlock: null,
      policy: null,
      versioning: { status: 'Disabled', mfaDelete: 'Disabled' },
      lifecycleRules: [],
      logging: null,
      intelligentTieringConfigurations: [],
      ownershipControls: null,
    });
    expect(plain.fieldErrors).toBeUndefined();
    expect(plain.aclGrants?.map((g) => g.permission)).toEqual(['FULL_CONTROL']);

    const secure = byName.get('secure-eu')!;
    expect(secure.region).toBe('eu-west-1');
    expect(secure.encryption).toEqual([
      { algorithm: 'aws:kms', kmsKeyId: 'alias/k', bucketKeyEnabled: false },
    ]);
    expect(secure.publicAccessBlock).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    });
    expect(secure.policy?.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(secure.versioning?.status).toBe('Enabled');
    expect(secure.lifecycleRules).toEqual([
      {
        id: 'tiering',
        status: 'Enabled',
        transitions: [{ storageClass: 'INTELLIGENT_TIERING', days: 30 }],
        expirationDays: 365,
      },
    ]);
    expect(secure.logging).toEqual({ targetBucket: 'logs-eu', targetPrefix: 'logs/' });
    expect(secure.ownershipControls).toBe('BucketOwnerEnforced');
    // Derived from ListBuckets' owner (moto hard-codes that id, so it differs from its ACL owner id).
    expect(secure.aclGrants).toEqual([
      { granteeType: 'CanonicalUser', granteeId: expect.any(String), permission: 'FULL_CONTROL' },
    ]);

    const west = byName.get('public-west')!;
    expect(west.region).toBe('us-west-2');
    expect(west.aclGrants).toContainEqual({
      granteeType: 'Group',
      granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers',
      permission: 'READ',
    });

    // 4 buckets: one listing, one location each, 9 settings calls each except GetBucketAcl on the
    // BucketOwnerEnforced bucket.
    expect(harness.calls.get('ListBuckets')).toBe(1);
    expect(harness.calls.get('GetBucketLocation')).toBe(4);
    expect(harness.calls.get('GetBucketAcl')).toBe(3);
    expect(harness.totalCalls()).toBe(1 + 4 + 4 * 9 - 1);
  });

  it('records a denied call as a field error, never as "not configured"', async () => {
    const harness = createHarness({ deny: ['GetBucketPolicy', 'GetBucketEncryption'] });
    const buckets = await harness.run(s3Buckets);
    expect(buckets).toHaveLength(4);
    for (const bucket of buckets) {
      expect(bucket.policy).toBeUndefined();
      expect(bucket.encryption).toBeUndefined();
      expect(bucket.fieldErrors?.policy).toMatchObject({
        operation: 'GetBucketPolicy',
        code: 'AccessDenied',
      });
      expect(bucket.fieldErrors?.encryption).toMatchObject({
        operation: 'GetBucketEncryption',
        code: 'AccessDenied',
      });
      expect(bucket.versioning).toBeDefined();
    }
  });

  it('finds regions with region-filtered listings when there are many buckets', async () => {
    await Promise.all(
      Array.from({ length: 18 }, (_, i) => createBucket(`many-${i}`, i % 2 ? 'ap-northeast-2' : 'us-east-2')),
    );
    const harness = createHarness();
    const buckets = await harness.run(s3Buckets);
    expect(buckets).toHaveLength(22);
    expect(buckets.find((b) => b.name === 'many-1')?.region).toBe('ap-northeast-2');
    expect(buckets.find((b) => b.name === 'many-2')?.region).toBe('us-east-2');
    expect(buckets.find((b) => b.name === 'secure-eu')?.region).toBe('eu-west-1');
    expect(harness.calls.get('GetBucketLocation')).toBeUndefined();
    const perBucket = harness.totalCalls() / buckets.length;
    console.info(
      `s3.buckets: ${harness.totalCalls()} calls for ${buckets.length} buckets (${perBucket.toFixed(2)}/bucket)`,
    );
    expect(perBucket).toBeLessThan(10);
  });

  it('maps GetBucketLocation answers to regions', () => {
    expect(normalizeBucketRegion(undefined)).toBe('us-east-1');
    expect(normalizeBucketRegion('')).toBe('us-east-1');
    expect(normalizeBucketRegion('EU')).toBe('eu-west-1');
    expect(normalizeBucketRegion('ap-northeast-2')).toBe('ap-northeast-2');
  });
});

describe('s3.account-public-access-block', () => {
  beforeAll(() => resetMoto());

  it('answers null when nothing is configured, then the four flags', async () => {
    const harness = createHarness();
    expect(await harness.run(s3AccountPublicAccessBlock)).toEqual([
      { region: 'global', accountId: TEST_ACCOUNT_ID, publicAccessBlock: null },
    ]);

    // The test's own client needs the same emulator endpoint fix as the collector's.
    const control = new S3ControlClient({
      ...motoClientConfig('us-east-1'),
      endpointProvider: () => ({ url: new URL(motoEndpoint()) }),
    });
    await control.send(
      new PutAccountPabCommand({
        AccountId: TEST_ACCOUNT_ID,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
        },
      }),
    );
    const [record] = await createHarness().run(s3AccountPublicAccessBlock);
    expect(record?.publicAccessBlock).toEqual({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    });
  });

  it('fails (does not answer null) when the call is denied', async () => {
    const harness = createHarness({ deny: ['GetPublicAccessBlock'] });
    await expect(harness.run(s3AccountPublicAccessBlock)).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
