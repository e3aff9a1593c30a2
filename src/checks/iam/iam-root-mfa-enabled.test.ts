import { describe, expect, it } from 'vitest';
import { evaluate, fixtureSnapshot } from '../testing.js';
import check from './iam-root-mfa-enabled.js';

const run = (summary: Record<string, number>) =>
  evaluate(
    check,
    fixtureSnapshot(
      { 'iam.account-summary': [{ region: 'global', summary }] },
      { accountId: '111122223333' },
    ),
  );

describe('iam-root-mfa-enabled', () => {
  it('passes with AccountMFAEnabled = 1 as one account-level finding', () => {
    const findings = run({ AccountMFAEnabled: 1, Users: 3 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'pass', resourceId: '111122223333', region: 'global' });
  });

  it('fails with AccountMFAEnabled = 0 and is unknown when the key is absent', () => {
    expect(run({ AccountMFAEnabled: 0 })[0]?.status).toBe('fail');
    expect(run({ Users: 3 })[0]?.status).toBe('unknown');
  });

  it('is unknown when GetAccountSummary was denied', () => {
    const snapshot = fixtureSnapshot(
      { 'iam.account-summary': [] },
      { failed: [{ collector: 'iam.account-summary', region: 'global', operation: 'GetAccountSummary' }] },
    );
    expect(evaluate(check, snapshot).map((f) => f.status)).toEqual(['unknown']);
  });
});
