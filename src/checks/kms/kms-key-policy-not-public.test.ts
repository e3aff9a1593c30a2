import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../core/records/common.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { kmsKey } from '../testing-store.js';
import check from './kms-key-policy-not-public.js';

const use = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'use',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['kms:Decrypt', 'kms:Encrypt'],
  Resource: '*',
  ...extra,
});
const withPolicy = (id: string, statement: PolicyStatement) =>
  kmsKey(id, { policy: { Version: '2012-10-17', Statement: [statement] } });

describe('kms-key-policy-not-public', () => {
  it('fails "*" without a restricting condition; passes account-restricted, the default policy and AWS keys', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'kms.keys': [
          withPolicy('open', use({})),
          withPolicy(
            'account',
            use({ Condition: { StringEquals: { 'aws:PrincipalAccount': '123456789012' } } }),
          ),
          // kms:CallerAccount is not one of the restricting keys CHECKS.md names.
          withPolicy('caller', use({ Condition: { StringEquals: { 'kms:CallerAccount': '123456789012' } } })),
          kmsKey('default'),
          kmsKey('aws', { keyManager: 'AWS', policy: undefined }),
        ],
      }),
    );
    const open = findingFor(findings, 'open');
    expect(open.status).toBe('fail');
    expect(open.details).toEqual({ publicStatements: 'use' });
    expect(findingFor(findings, 'caller').status).toBe('fail');
    expect(findingFor(findings, 'account').status).toBe('pass');
    expect(findingFor(findings, 'default').status).toBe('pass');
    expect(findingFor(findings, 'aws').status).toBe('not_applicable');
  });

  it('is unknown when GetKeyPolicy failed', () => {
    const denied = kmsKey('denied', {
      policy: undefined,
      fieldErrors: { policy: { operation: 'GetKeyPolicy', code: 'AccessDeniedException', message: 'x' } },
    });
    const findings = evaluate(check, fixtureSnapshot({ 'kms.keys': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
