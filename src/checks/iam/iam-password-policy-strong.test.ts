import { describe, expect, it } from 'vitest';
import type { IamPasswordPolicy } from '../../core/records.js';
import { evaluate, fixtureSnapshot } from '../testing.js';
import check from './iam-password-policy-strong.js';

const run = (
  policy: IamPasswordPolicy['policy'],
  settings?: { minimumLength?: number; reusePrevention?: number },
) => evaluate(check, fixtureSnapshot({ 'iam.password-policy': [{ region: 'global', policy }] }), settings);

describe('iam-password-policy-strong', () => {
  it('passes at 14 characters and 24 remembered passwords', () => {
    const findings = run({ minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'pass', resourceId: '123456789012', region: 'global' });
  });

  it('fails without a policy, with a short length, or without reuse prevention', () => {
    expect(run(null)[0]?.message.en).toContain('no IAM password policy');
    const short = run({ minimumPasswordLength: 8, passwordReusePrevention: 24 })[0];
    expect(short?.status).toBe('fail');
    expect(short?.message.en).toContain('MinimumPasswordLength 8 < 14');
    const noReuse = run({ minimumPasswordLength: 16 })[0];
    expect(noReuse?.status).toBe('fail');
    expect(noReuse?.message.en).toContain('PasswordReusePrevention not set < 24');
  });

  it('uses the thresholds from settings', () => {
    expect(
      run(
        { minimumPasswordLength: 12, passwordReusePrevention: 5 },
        { minimumLength: 12, reusePrevention: 5 },
      )[0]?.status,
    ).toBe('pass');
  });
});
