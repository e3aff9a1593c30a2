import { describe, expect, it } from 'vitest';
import type { IamCredentialReportRow } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-credentials-used.js';

const row = (user: string, extra: Partial<IamCredentialReportRow>): IamCredentialReportRow => ({
  region: 'global',
  user,
  arn: `arn:aws:iam::123456789012:user/${user}`,
  userCreationTime: daysAgo(400),
  passwordEnabled: false,
  mfaActive: false,
  accessKey1Active: false,
  accessKey2Active: false,
  ...extra,
});

describe('iam-user-credentials-used', () => {
  it('fails a password or key idle for more than 90 days, counting never-used ones from creation', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          row('idle-password', {
            passwordEnabled: true,
            passwordLastUsed: daysAgo(120),
            passwordLastChanged: daysAgo(300),
          }),
          row('never-used-old-key', { accessKey1Active: true, accessKey1LastRotated: daysAgo(100) }),
          row('never-used-new-key', { accessKey1Active: true, accessKey1LastRotated: daysAgo(5) }),
          row('busy', {
            passwordEnabled: true,
            passwordLastUsed: daysAgo(1),
            accessKey1Active: true,
            accessKey1LastRotated: daysAgo(300),
            accessKey1LastUsedDate: daysAgo(90),
          }),
          row('idle-inactive', { accessKey1Active: false, accessKey1LastRotated: daysAgo(500) }),
        ],
      }),
    );
    expect(findingFor(findings, 'idle-password').status).toBe('fail');
    const oldKey = findingFor(findings, 'never-used-old-key');
    expect(oldKey.status).toBe('fail');
    expect(oldKey.message.en).toContain('never used, created 100 days ago');
    expect(findingFor(findings, 'never-used-new-key').status).toBe('pass');
    expect(findingFor(findings, 'busy').status).toBe('pass');
    expect(findingFor(findings, 'idle-inactive').status).toBe('not_applicable');
  });

  it('falls back to the user creation date, and is unknown without any date', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.credential-report': [
          row('pw-no-dates', { passwordEnabled: true }),
          row('nothing', { passwordEnabled: true, userCreationTime: undefined }),
        ],
      }),
    );
    expect(findingFor(findings, 'pw-no-dates').status).toBe('fail');
    expect(findingFor(findings, 'nothing').status).toBe('unknown');
  });
});
