import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../core/records/common.js';
import { evaluate, findingFor, fixtureSnapshot, sqsQueue } from '../testing.js';
import check from './sqs-queue-not-public.js';

const url = (name: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${name}`;
const withPolicy = (name: string, ...Statement: PolicyStatement[]) =>
  sqsQueue(name, { policy: { Version: '2012-10-17', Statement } });
const send = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'send',
  Effect: 'Allow',
  Principal: '*',
  Action: 'sqs:SendMessage',
  Resource: 'arn:aws:sqs:us-east-1:123456789012:q',
  ...extra,
});

describe('sqs-queue-not-public', () => {
  it('fails "*" without a restricting condition and passes restricted, scoped or absent policies', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'sqs.queues': [
          withPolicy('open', send({})),
          withPolicy(
            'not-principal',
            send({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::1:root' } }),
          ),
          withPolicy(
            'from-topic',
            send({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:t' } } }),
          ),
          withPolicy(
            'negated',
            send({ Condition: { StringNotEquals: { 'aws:SourceAccount': '123456789012' } } }),
          ),
          withPolicy('service', send({ Principal: { Service: 'events.amazonaws.com' } })),
          sqsQueue('none'),
        ],
      }),
    );
    expect(findingFor(findings, url('open')).status).toBe('fail');
    expect(findingFor(findings, url('open')).message.ko).toContain('정책 문 send');
    expect(findingFor(findings, url('not-principal')).status).toBe('fail');
    expect(findingFor(findings, url('from-topic')).status).toBe('pass');
    expect(findingFor(findings, url('negated')).status).toBe('fail');
    expect(findingFor(findings, url('service')).status).toBe('pass');
    expect(findingFor(findings, url('none')).status).toBe('pass');
  });

  it('is unknown when the policy could not be collected', () => {
    const denied = sqsQueue('denied', {
      policy: undefined,
      fieldErrors: { policy: { operation: 'GetQueueAttributes', code: 'AccessDenied', message: 'x' } },
    });
    expect(
      findingFor(evaluate(check, fixtureSnapshot({ 'sqs.queues': [denied] })), url('denied')).status,
    ).toBe('unknown');
  });
});
