import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { configRecorders } from '../../src/collectors/config/recorders.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

describe('config collectors', () => {
  beforeAll(async () => {
    await resetMoto();
    await new S3Client(motoClientConfig('us-east-1')).send(
      new CreateBucketCommand({ Bucket: 'config-logs' }),
    );
    const config = new ConfigServiceClient(motoClientConfig('us-east-1'));
    await config.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name: 'default',
          roleARN: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/config`,
          recordingGroup: { allSupported: false, resourceTypes: ['AWS::EC2::Instance'] },
        },
      }),
    );
    await config.send(
      new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'config-logs' } }),
    );
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  });

  it('collects the recorder with its recording group and status; nothing (and one call) where there is none', async () => {
    const harness = createHarness();
    const east = await harness.run(configRecorders, 'us-east-1');
    const west = await harness.run(configRecorders, 'eu-west-1');
    expect(east).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        name: 'default',
        allSupported: false,
        resourceTypes: ['AWS::EC2::Instance'],
        recording: true,
      }),
    ]);
    expect(west).toEqual([]);
    expect(harness.calls.get('DescribeConfigurationRecorders')).toBe(2);
    expect(harness.calls.get('DescribeConfigurationRecorderStatus')).toBe(1);
  });
});
