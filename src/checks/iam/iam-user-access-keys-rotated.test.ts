import { describe, expect, it } from 'vitest';
import type { IamCredentialReportRow } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-access-keys-rotated.js';

const row = (user: string, extra: Partial<IamCredentialReportRow>): IamCredentialReportRow => ({
  region: 'global',
  user,
  arn: `arn:aws:iam::123456789012:user/${user}`,
  userCreationTime: daysAgo(1000),
  passwordEnabled: false,
  mfaActive: false,
  accessKey1Active: false,
  accessKey2Active: false,
  ...extra,
});

describe('iam-user-access-keys-rotated', () => {
  it('fails an active key rotated 91 days ago, passes at 90, ignores inactive old keys', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          row('stale', {
            accessKey1Active: true,
            accessKey1LastRotated: daysAgo(10),
            accessKey2Active: true,
            accessKey2LastRotated: daysAgo(91),
          }),
          row('fresh', { accessKey1Active: true, accessKey1LastRotated: daysAgo(90) }),
          row('retired', { accessKey1Active: false, accessKey1LastRotated: daysAgo(900) }),
          row('undated', { accessKey1Active: true }),
        ],
      }),
    );
    const stale = findingFor(findings, 'stale');
    expect(stale.status).toBe('fail');
    expect(stale.message.en).toContain('key 2: 91 days');
    expect(stale.details?.accessKey2AgeDays).toBe(91);
    expect(findingFor(findings, 'fresh').status).toBe('pass');
    expect(findingFor(findings, 'retired').status).toBe('not_applicable');
    expect(findingFor(findings, 'undated').status).toBe('unknown');
  });

  it('uses the age setting', () => {
    const snapshot = fixtureSnapshot({
      'iam.credential-report': [row('u', { accessKey1Active: true, accessKey1LastRotated: daysAgo(40) })],
    });
    expect(findingFor(evaluate(check, snapshot, { maxKeyAgeDays: 30 }), 'u').status).toBe('fail');
  });
});
