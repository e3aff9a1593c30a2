import { describe, expect, it } from 'vitest';
import type { IamCredentialReportRow } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-single-active-key.js';

const row = (user: string, key1: boolean, key2: boolean): IamCredentialReportRow => ({
  region: 'global',
  user,
  arn:
    user === '<root_account>' ? 'arn:aws:iam::123456789012:root' : `arn:aws:iam::123456789012:user/${user}`,
  passwordEnabled: false,
  mfaActive: false,
  accessKey1Active: key1,
  accessKey2Active: key2,
});

describe('iam-user-single-active-key', () => {
  it('fails two active keys, passes one or none (either slot), skips root', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          row('<root_account>', true, true),
          row('ci', true, true),
          row('app', false, true),
          row('alice', false, false),
        ],
      }),
    );
    expect(findings).toHaveLength(3);
    expect(findingFor(findings, 'ci').status).toBe('fail');
    expect(findingFor(findings, 'ci').details).toEqual({ activeAccessKeys: 2 });
    expect(findingFor(findings, 'app').status).toBe('pass');
    expect(findingFor(findings, 'alice').status).toBe('pass');
  });

  it('is unknown for a user whose key flags come from the fallback (report denied)', () => {
    const reportError = { operation: 'GenerateCredentialReport', code: 'AccessDenied', message: 'denied' };
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          {
            ...row('bob', false, false),
            fieldErrors: { accessKey1Active: reportError, accessKey2Active: reportError },
          },
        ],
      }),
    );
    expect(findingFor(findings, 'bob').status).toBe('unknown');
  });
});
