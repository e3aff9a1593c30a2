import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, sqsQueue } from '../testing.js';
import check from './sqs-queue-encrypted.js';

const url = (name: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${name}`;

describe('sqs-queue-encrypted', () => {
  it('passes SSE-KMS and SSE-SQS queues and fails a queue with neither', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'sqs.queues': [
          sqsQueue('kms', { kmsMasterKeyId: 'alias/aws/sqs' }),
          sqsQueue('managed', { sqsManagedSseEnabled: true }),
          sqsQueue('plain'),
        ],
      }),
    );
    expect(findingFor(findings, url('kms')).message.en).toContain('SSE-KMS alias/aws/sqs');
    expect(findingFor(findings, url('kms')).status).toBe('pass');
    expect(findingFor(findings, url('managed')).status).toBe('pass');
    const plain = findingFor(findings, url('plain'));
    expect(plain.status).toBe('fail');
    expect(plain.resourceArn).toBe('arn:aws:sqs:us-east-1:123456789012:plain');
  });

  it('is unknown when GetQueueAttributes failed', () => {
    const error = { operation: 'GetQueueAttributes', code: 'AccessDenied', message: 'x' };
    const denied = sqsQueue('denied', {
      kmsMasterKeyId: undefined,
      sqsManagedSseEnabled: undefined,
      policy: undefined,
      fieldErrors: { kmsMasterKeyId: error, sqsManagedSseEnabled: error, policy: error },
    });
    expect(
      findingFor(evaluate(check, fixtureSnapshot({ 'sqs.queues': [denied] })), url('denied')).status,
    ).toBe('unknown');
  });
});
