import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../core/records/common.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { ecrRepository } from '../testing-store.js';
import check from './ecr-repository-not-public.js';

const pull = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'pull',
  Effect: 'Allow',
  Principal: '*',
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  ...extra,
});
const withPolicy = (name: string, statement: PolicyStatement) =>
  ecrRepository(name, { policy: { Version: '2012-10-17', Statement: [statement] } });

describe('ecr-repository-not-public', () => {
  it('fails "*" without a restricting condition; passes org-restricted, named accounts and no policy', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ecr.repositories': [
          withPolicy('open', pull({})),
          withPolicy('open-aws', pull({ Principal: { AWS: '*' } })),
          withPolicy('org', pull({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })),
          withPolicy('account', pull({ Principal: { AWS: 'arn:aws:iam::210987654321:root' } })),
          withPolicy(
            'negated',
            pull({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
          ),
          ecrRepository('none'),
        ],
      }),
    );
    const open = findingFor(findings, 'open');
    expect(open.status).toBe('fail');
    expect(open.details).toEqual({ publicStatements: 'pull' });
    expect(open.message.ko).toContain('리포지토리 open이 공개되어 있습니다');
    expect(findingFor(findings, 'open-aws').status).toBe('fail');
    expect(findingFor(findings, 'negated').status).toBe('fail');
    expect(findingFor(findings, 'org').status).toBe('pass');
    expect(findingFor(findings, 'account').status).toBe('pass');
    expect(findingFor(findings, 'none').status).toBe('pass');
  });

  it('is unknown when GetRepositoryPolicy failed', () => {
    const denied = ecrRepository('denied', {
      policy: undefined,
      fieldErrors: {
        policy: { operation: 'GetRepositoryPolicy', code: 'AccessDeniedException', message: 'x' },
      },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'ecr.repositories': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
