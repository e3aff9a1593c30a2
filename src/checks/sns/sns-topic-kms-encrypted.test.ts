import { describe, expect, it } from 'vitest';
import { evaluate, findingFor, fixtureSnapshot, snsTopic } from '../testing.js';
import check from './sns-topic-kms-encrypted.js';

describe('sns-topic-kms-encrypted', () => {
  it('passes a topic with a KMS key and fails one without', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'sns.topics': [snsTopic('sealed', { kmsMasterKeyId: 'alias/aws/sns' }), snsTopic('plain')],
      }),
    );
    expect(findingFor(findings, 'arn:aws:sns:us-east-1:123456789012:sealed').status).toBe('pass');
    const plain = findingFor(findings, 'arn:aws:sns:us-east-1:123456789012:plain');
    expect(plain.status).toBe('fail');
    expect(plain.resourceName).toBe('plain');
    expect(plain.message.ko).toContain('KMS 키가 없어');
  });

  it('is unknown when GetTopicAttributes failed', () => {
    const denied = snsTopic('denied', {
      kmsMasterKeyId: undefined,
      policy: undefined,
      fieldErrors: {
        kmsMasterKeyId: { operation: 'GetTopicAttributes', code: 'AuthorizationError', message: 'x' },
        policy: { operation: 'GetTopicAttributes', code: 'AuthorizationError', message: 'x' },
      },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'sns.topics': [denied] }));
    expect(findingFor(findings, denied.topicArn).status).toBe('unknown');
  });
});
