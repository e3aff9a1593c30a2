import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../core/records/common.js';
import { evaluate, findingFor, fixtureSnapshot, snsTopic } from '../testing.js';
import check from './sns-topic-not-public.js';

const arn = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;
const withPolicy = (name: string, ...Statement: PolicyStatement[]) =>
  snsTopic(name, { policy: { Version: '2012-10-17', Statement } });
const publish = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'publish',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: 'SNS:Publish',
  Resource: arn('x'),
  ...extra,
});

describe('sns-topic-not-public', () => {
  it('fails "*" without a restricting condition; passes the default SourceOwner policy, other principals and no policy', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'sns.topics': [
          withPolicy('open', publish({})),
          withPolicy(
            'default',
            publish({ Condition: { StringEquals: { 'AWS:SourceOwner': '123456789012' } } }),
          ),
          withPolicy('org', publish({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })),
          withPolicy('wildcard-owner', publish({ Condition: { StringLike: { 'AWS:SourceOwner': '*' } } })),
          withPolicy('account', publish({ Principal: { AWS: 'arn:aws:iam::210987654321:root' } })),
          withPolicy('denied-only', publish({ Effect: 'Deny' })),
          snsTopic('none'),
        ],
      }),
    );
    const open = findingFor(findings, arn('open'));
    expect(open.status).toBe('fail');
    expect(open.details).toEqual({ publicStatements: 'publish' });
    expect(findingFor(findings, arn('default')).status).toBe('pass');
    expect(findingFor(findings, arn('org')).status).toBe('pass');
    expect(findingFor(findings, arn('wildcard-owner')).status).toBe('fail');
    expect(findingFor(findings, arn('account')).status).toBe('pass');
    expect(findingFor(findings, arn('denied-only')).status).toBe('pass');
    expect(findingFor(findings, arn('none')).status).toBe('pass');
  });

  it('is unknown when the policy could not be read', () => {
    const unreadable = snsTopic('unreadable', {
      policy: undefined,
      fieldErrors: { policy: { operation: 'GetTopicAttributes', code: 'PolicyParseError', message: 'x' } },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'sns.topics': [unreadable] }));
    expect(findingFor(findings, unreadable.topicArn).status).toBe('unknown');
  });
});
