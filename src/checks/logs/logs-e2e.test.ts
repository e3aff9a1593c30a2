/** End to end for CloudWatch Logs: seed log groups in the emulator, collect with the real runner, advise. */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const REGION = 'us-east-1';

async function seedLogGroups(): Promise<void> {
  const logs = new CloudWatchLogsClient(motoClientConfig(REGION));
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/orders' }));
  await logs.send(
    new CreateLogGroupCommand({
      logGroupName: '/audit',
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    }),
  );
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/audit', retentionInDays: 365 }));
}

describe('logs end to end', () => {
  const { of } = advisedAccount(seedLogGroups, { collect: ['logs'], regions: [REGION] });

  it('flags the group that never expires and passes the one with retention', () => {
    expect(of('logs-log-group-retention-set', '/aws/lambda/orders').status).toBe('fail');
    expect(of('logs-log-group-retention-set', '/audit').status).toBe('pass');
  });

  it('flags the group without a KMS key and passes the encrypted one', () => {
    expect(of('logs-log-group-kms-encrypted', '/aws/lambda/orders').status).toBe('fail');
    expect(of('logs-log-group-kms-encrypted', '/audit').status).toBe('pass');
  });
});
