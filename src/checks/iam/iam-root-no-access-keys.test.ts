import { describe, expect, it } from 'vitest';
import { evaluate, fixtureSnapshot } from '../testing.js';
import check from './iam-root-no-access-keys.js';

const run = (summary: Record<string, number>) =>
  evaluate(check, fixtureSnapshot({ 'iam.account-summary': [{ region: 'global', summary }] }));

describe('iam-root-no-access-keys', () => {
  it('passes with no root keys and fails with one or more', () => {
    expect(run({ AccountAccessKeysPresent: 0 })[0]).toMatchObject({
      status: 'pass',
      resourceId: '123456789012',
    });
    const fail = run({ AccountAccessKeysPresent: 1 })[0];
    expect(fail?.status).toBe('fail');
    expect(fail?.message.en).toContain('AccountAccessKeysPresent = 1');
    expect(run({ AccountAccessKeysPresent: 2 })[0]?.status).toBe('fail');
  });

  it('is unknown when the summary lacks the key', () => {
    expect(run({})[0]?.status).toBe('unknown');
  });
});
