/** End to end for SQS: seed queues in the emulator, collect with the real runner, advise with the real engine. */
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const REGION = 'us-east-1';
const urls = new Map<string, string>();

async function seedQueues(): Promise<void> {
  const sqs = new SQSClient(motoClientConfig(REGION));
  const create = async (name: string, Attributes: Record<string, string>) => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes }));
    urls.set(name, QueueUrl ?? '');
  };
  await create('orders', { SqsManagedSseEnabled: 'false' });
  await create('payments', { KmsMasterKeyId: 'alias/aws/sqs' });
  await create('events', {
    SqsManagedSseEnabled: 'true',
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'public-send',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sqs:SendMessage',
          Resource: '*',
        },
      ],
    }),
  });
}

describe('sqs end to end', () => {
  const { of } = advisedAccount(seedQueues, { collect: ['sqs'], regions: [REGION] });
  const url = (name: string) => urls.get(name) ?? name;

  it('flags the unencrypted queue and passes SSE-KMS and SSE-SQS', () => {
    expect(of('sqs-queue-encrypted', url('orders')).status).toBe('fail');
    expect(of('sqs-queue-encrypted', url('payments')).status).toBe('pass');
    expect(of('sqs-queue-encrypted', url('events')).status).toBe('pass');
  });

  it('flags the queue whose policy is public', () => {
    expect(of('sqs-queue-not-public', url('events')).status).toBe('fail');
    expect(of('sqs-queue-not-public', url('orders')).status).toBe('pass');
    expect(of('sqs-queue-not-public', url('payments')).status).toBe('pass');
  });
});
