/** End to end for AWS Config: seed the emulator, collect with the real runner, advise with the real engine. */
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

async function recorder(region: string, start: boolean): Promise<void> {
  const config = new ConfigServiceClient(motoClientConfig(region));
  await config.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'default',
        roleARN: `arn:aws:iam::${ACCOUNT_ID}:role/config`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    }),
  );
  if (start) {
    await config.send(
      new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: 'e2e-config' } }),
    );
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  }
  config.destroy();
}

async function seed(): Promise<void> {
  await new S3Client(motoClientConfig('us-east-1')).send(new CreateBucketCommand({ Bucket: 'e2e-config' }));
  await recorder('us-east-1', true);
  await recorder('eu-west-1', false);
}

describe('AWS Config advisor end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, {
    collect: ['config'],
    regions: ['us-east-1', 'eu-west-1', 'ap-northeast-2'],
  });

  it('judges each region once: recording, stopped, none', () => {
    expect(findings()).toHaveLength(3);
    expect(statuses('config-recorder-enabled', 'config@us-east-1')).toEqual(['pass']);
    expect(statuses('config-recorder-enabled', 'config@eu-west-1')).toEqual(['fail']);
    expect(statuses('config-recorder-enabled', 'config@ap-northeast-2')).toEqual(['fail']);
  });
});
