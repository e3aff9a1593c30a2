import { describe, expect, it } from 'vitest';
import type { IamCredentialReportRow } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-console-mfa.js';

const row = (user: string, passwordEnabled: boolean, mfaActive: boolean): IamCredentialReportRow => ({
  region: 'global',
  user,
  arn:
    user === '<root_account>' ? 'arn:aws:iam::123456789012:root' : `arn:aws:iam::123456789012:user/${user}`,
  passwordEnabled,
  mfaActive,
  accessKey1Active: false,
  accessKey2Active: false,
});

describe('iam-user-console-mfa', () => {
  it('fails a password without MFA, passes with MFA, not applicable without a password; skips root', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          row('<root_account>', true, false),
          row('alice', true, false),
          row('bob', true, true),
          row('ci', false, false),
        ],
      }),
    );
    expect(findings).toHaveLength(3);
    expect(findingFor(findings, 'alice').status).toBe('fail');
    expect(findingFor(findings, 'alice').resourceArn).toBe('arn:aws:iam::123456789012:user/alice');
    expect(findingFor(findings, 'bob').status).toBe('pass');
    expect(findingFor(findings, 'ci').status).toBe('not_applicable');
  });
});
