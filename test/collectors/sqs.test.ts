import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqsQueues } from '../../src/collectors/sqs/queues.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }],
});

describe('sqs collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const sqs = new SQSClient(motoClientConfig('us-east-1'));
    await sqs.send(
      new CreateQueueCommand({ QueueName: 'plain', Attributes: { SqsManagedSseEnabled: 'false' } }),
    );
    await sqs.send(
      new CreateQueueCommand({ QueueName: 'kms', Attributes: { KmsMasterKeyId: 'alias/aws/sqs' } }),
    );
    await sqs.send(
      new CreateQueueCommand({ QueueName: 'managed', Attributes: { SqsManagedSseEnabled: 'true' } }),
    );
    await sqs.send(new CreateQueueCommand({ QueueName: 'open', Attributes: { Policy: PUBLIC_POLICY } }));
  });

  it('collects queues with their encryption and parsed policy', async () => {
    const harness = createHarness();
    const queues = await harness.run(sqsQueues, 'us-east-1');
    const byName = new Map(queues.map((q) => [q.queueName, q]));
    expect([...byName.keys()].sort()).toEqual(['kms', 'managed', 'open', 'plain']);
    expect(byName.get('plain')).toMatchObject({
      region: 'us-east-1',
      arn: `arn:aws:sqs:us-east-1:${TEST_ACCOUNT_ID}:plain`,
      kmsMasterKeyId: null,
      sqsManagedSseEnabled: false,
      policy: null,
      fifoQueue: false,
    });
    expect(byName.get('plain')?.queueUrl).toMatch(/\/123456789012\/plain$/);
    expect(byName.get('kms')?.kmsMasterKeyId).toBe('alias/aws/sqs');
    expect(byName.get('managed')?.sqsManagedSseEnabled).toBe(true);
    expect(byName.get('open')?.policy?.Statement[0]).toMatchObject({ Sid: 'anyone', Principal: '*' });
    expect(harness.calls.get('ListQueues')).toBe(1);
    expect(harness.calls.get('GetQueueAttributes')).toBe(4);
  });

  it('keeps each queue, its name and ARN with field errors when GetQueueAttributes is denied', async () => {
    const harness = createHarness({ deny: ['GetQueueAttributes'] });
    const queues = await harness.run(sqsQueues, 'us-east-1');
    expect(queues).toHaveLength(4);
    const plain = queues.find((q) => q.queueName === 'plain');
    expect(plain?.arn).toBe(`arn:aws:sqs:us-east-1:${TEST_ACCOUNT_ID}:plain`);
    expect(plain?.kmsMasterKeyId).toBeUndefined();
    expect(plain?.policy).toBeUndefined();
    expect(Object.keys(plain?.fieldErrors ?? {}).sort()).toEqual([
      'kmsMasterKeyId',
      'policy',
      'sqsManagedSseEnabled',
    ]);
  });
});
