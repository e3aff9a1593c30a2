/**
 * End to end for CloudTrail: seed the emulator, collect with the real runner (CloudTrail and S3),
 * advise with the real engine.
 */
import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const arn = (region: string, name: string) => `arn:aws:cloudtrail:${region}:${ACCOUNT_ID}:trail/${name}`;

async function seed(): Promise<void> {
  const s3 = new S3Client(motoClientConfig('us-east-1'));
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-trail-private' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'e2e-trail-public' }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: 'e2e-trail-public',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Anyone',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::e2e-trail-public/*',
          },
        ],
      }),
    }),
  );
  const east = new CloudTrailClient(motoClientConfig('us-east-1'));
  await east.send(
    new CreateTrailCommand({
      Name: 'org-main',
      S3BucketName: 'e2e-trail-private',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:trail:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/trail-to-logs`,
    }),
  );
  await east.send(new StartLoggingCommand({ Name: 'org-main' }));
  await east.send(
    new PutEventSelectorsCommand({
      TrailName: 'org-main',
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
    }),
  );
  const west = new CloudTrailClient(motoClientConfig('eu-west-1'));
  await west.send(new CreateTrailCommand({ Name: 'leaky', S3BucketName: 'e2e-trail-public' }));
  east.destroy();
  west.destroy();
  s3.destroy();
}

describe('CloudTrail advisor end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, {
    collect: ['cloudtrail', 's3'],
    advise: ['cloudtrail'],
    regions: ['us-east-1', 'eu-west-1'],
  });

  it('evaluates every CloudTrail check with no unknowns, each trail once', () => {
    expect(findings().filter((f) => f.status === 'unknown')).toEqual([]);
    // 4 per-trail checks × 2 trails + the account-level one.
    expect(findings()).toHaveLength(9);
  });

  it('passes the account and the hardened multi-region trail', () => {
    expect(statuses('cloudtrail-multi-region-enabled', ACCOUNT_ID)).toEqual(['pass']);
    for (const checkId of [
      'cloudtrail-log-file-validation-enabled',
      'cloudtrail-kms-encrypted',
      'cloudtrail-cloudwatch-logs-integrated',
      'cloudtrail-bucket-not-public',
    ]) {
      expect(statuses(checkId, arn('us-east-1', 'org-main')), checkId).toEqual(['pass']);
    }
  });

  it('fails the bare single-region trail that logs to a public bucket', () => {
    for (const checkId of [
      'cloudtrail-log-file-validation-enabled',
      'cloudtrail-kms-encrypted',
      'cloudtrail-cloudwatch-logs-integrated',
      'cloudtrail-bucket-not-public',
    ]) {
      expect(statuses(checkId, arn('eu-west-1', 'leaky')), checkId).toEqual(['fail']);
    }
  });
});
