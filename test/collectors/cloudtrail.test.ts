import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloudTrailTrails } from '../../src/collectors/cloudtrail/trails.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const logGroupArn = `arn:aws:logs:us-east-1:${TEST_ACCOUNT_ID}:log-group:trail-logs:*`;

describe('cloudtrail collectors', () => {
  beforeAll(async () => {
    await resetMoto();
    const s3 = new S3Client(motoClientConfig('us-east-1'));
    await s3.send(new CreateBucketCommand({ Bucket: 'org-trail-logs' }));
    await new CloudWatchLogsClient(motoClientConfig('us-east-1')).send(
      new CreateLogGroupCommand({ logGroupName: 'trail-logs' }),
    );
    const east = new CloudTrailClient(motoClientConfig('us-east-1'));
    await east.send(
      new CreateTrailCommand({
        Name: 'main',
        S3BucketName: 'org-trail-logs',
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        KmsKeyId: `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`,
        CloudWatchLogsLogGroupArn: logGroupArn,
        CloudWatchLogsRoleArn: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/trail-to-logs`,
      }),
    );
    await east.send(new StartLoggingCommand({ Name: 'main' }));
    await east.send(
      new PutEventSelectorsCommand({
        TrailName: 'main',
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
      }),
    );
    const west = new CloudTrailClient(motoClientConfig('eu-west-1'));
    await west.send(new CreateTrailCommand({ Name: 'local', S3BucketName: 'org-trail-logs' }));
  });

  it('collects each trail once, in its home region, with status and event selectors', async () => {
    const harness = createHarness();
    const east = await harness.run(cloudTrailTrails, 'us-east-1');
    const west = await harness.run(cloudTrailTrails, 'eu-west-1');
    expect(east).toHaveLength(1);
    expect(east[0]).toMatchObject({
      region: 'us-east-1',
      name: 'main',
      arn: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT_ID}:trail/main`,
      homeRegion: 'us-east-1',
      isMultiRegionTrail: true,
      isOrganizationTrail: false,
      s3BucketName: 'org-trail-logs',
      logFileValidationEnabled: true,
      cloudWatchLogsLogGroupArn: logGroupArn,
      isLogging: true,
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true }],
    });
    expect(east[0]?.kmsKeyId).toContain('11111111-2222');
    // The multi-region trail is not listed again in eu-west-1: only the local one is.
    expect(west.map((t) => t.name)).toEqual(['local']);
    expect(west[0]).toMatchObject({
      region: 'eu-west-1',
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      isLogging: false,
    });
    expect(west[0]?.kmsKeyId).toBeUndefined();
    expect(west[0]?.cloudWatchLogsLogGroupArn).toBeUndefined();
    // One DescribeTrails per region; GetTrailStatus and GetEventSelectors per trail (no batch form).
    expect(harness.calls.get('DescribeTrails')).toBe(2);
    expect(harness.calls.get('GetTrailStatus')).toBe(2);
    expect(harness.calls.get('GetEventSelectors')).toBe(2);
  });

  it('leaves status and selectors unknown with field errors when those calls are denied', async () => {
    const harness = createHarness({ deny: ['GetTrailStatus', 'GetEventSelectors'] });
    const [main] = await harness.run(cloudTrailTrails, 'us-east-1');
    expect(main?.isLogging).toBeUndefined();
    expect(main?.eventSelectors).toBeUndefined();
    expect(main?.fieldErrors?.isLogging).toMatchObject({ operation: 'GetTrailStatus', code: 'AccessDenied' });
    expect(main?.fieldErrors?.eventSelectors).toMatchObject({ operation: 'GetEventSelectors' });
    expect(main?.logFileValidationEnabled).toBe(true);
  });
});
