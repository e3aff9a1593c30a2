import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logsLogGroups } from '../../src/collectors/logs/log-groups.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

/** One more than a DescribeLogGroups page (50). */
const MANY = 51;
const KEY = `arn:aws:kms:us-east-1:${TEST_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe('logs collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const logs = new CloudWatchLogsClient(motoClientConfig('us-east-1'));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/forever' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/kept', kmsKeyId: KEY }));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/app/kept', retentionInDays: 30 }));
    const west = new CloudWatchLogsClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1)
      await west.send(new CreateLogGroupCommand({ logGroupName: `/bulk/${i}` }));
  });

  it('collects log groups with retention and KMS key from DescribeLogGroups alone', async () => {
    const harness = createHarness();
    const groups = await harness.run(logsLogGroups, 'us-east-1');
    const byName = new Map(groups.map((g) => [g.logGroupName, g]));
    expect(byName.get('/app/forever')).toMatchObject({
      region: 'us-east-1',
      arn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT_ID}:log-group:/app/forever`,
    });
    expect(byName.get('/app/forever')?.retentionInDays).toBeUndefined();
    expect(byName.get('/app/forever')?.kmsKeyId).toBeUndefined();
    expect(byName.get('/app/kept')).toMatchObject({ retentionInDays: 30, kmsKeyId: KEY });
    expect([...harness.calls.keys()]).toEqual(['DescribeLogGroups']);
  });

  it('grows with pages, not log groups', async () => {
    const harness = createHarness();
    const groups = await harness.run(logsLogGroups, 'eu-west-1');
    expect(groups).toHaveLength(MANY);
    expect(harness.calls.get('DescribeLogGroups')).toBe(2);
    expect(harness.totalCalls()).toBe(2);
  });
});
