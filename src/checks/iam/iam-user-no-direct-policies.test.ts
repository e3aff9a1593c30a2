import { describe, expect, it } from 'vitest';
import type { IamUser } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-no-direct-policies.js';

const user = (userName: string, extra: Partial<IamUser> = {}): IamUser => ({
  region: 'global',
  userName,
  arn: `arn:aws:iam::123456789012:user/${userName}`,
  groups: ['devs'],
  attachedPolicies: [],
  inlinePolicies: [],
  tags: [],
  ...extra,
});

describe('iam-user-no-direct-policies', () => {
  it('passes group-only users and fails managed or inline direct policies', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.users': [
          user('grouped'),
          user('managed', {
            attachedPolicies: [
              { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
          }),
          user('inline', { inlinePolicies: [{ policyName: 'tmp', document: { Statement: [] } }] }),
        ],
      }),
    );
    expect(findingFor(findings, 'grouped').status).toBe('pass');
    expect(findingFor(findings, 'managed').message.en).toContain('ReadOnlyAccess');
    expect(findingFor(findings, 'inline').details?.directPolicies).toBe('tmp (inline)');
  });

  it('is unknown when the user policies could not be listed', () => {
    const denied = user('denied', {
      fieldErrors: { inlinePolicies: { operation: 'ListUserPolicies', code: 'AccessDenied', message: 'x' } },
    });
    expect(findingFor(evaluate(check, fixtureSnapshot({ 'iam.users': [denied] })), 'denied').status).toBe(
      'unknown',
    );
  });
});
