import { describe, expect, it } from 'vitest';
import type { S3AccountPublicAccessBlock } from '../../core/records.js';
import { evaluate, fixtureSnapshot } from '../testing.js';
import check from './s3-account-public-access-block.js';

const allOn = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const account = (
  publicAccessBlock: S3AccountPublicAccessBlock['publicAccessBlock'],
): S3AccountPublicAccessBlock => ({
  region: 'global',
  accountId: '123456789012',
  publicAccessBlock,
});

describe('s3-account-public-access-block', () => {
  it('passes with all four flags on, as one finding for the account', () => {
    const findings = evaluate(check, fixtureSnapshot({ 's3.account-public-access-block': [account(allOn)] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'pass', resourceId: '123456789012', region: 'global' });
  });

  it('fails naming the flag that is off', () => {
    const [finding] = evaluate(
      check,
      fixtureSnapshot({
        's3.account-public-access-block': [account({ ...allOn, restrictPublicBuckets: false })],
      }),
    );
    expect(finding?.status).toBe('fail');
    expect(finding?.message.en).toContain('RestrictPublicBuckets');
    expect(finding?.message.ko).toContain('RestrictPublicBuckets');
  });

  it('fails when the account has no configuration at all', () => {
    const [finding] = evaluate(check, fixtureSnapshot({ 's3.account-public-access-block': [account(null)] }));
    expect(finding?.status).toBe('fail');
    expect(finding?.message.en).toContain('no account-level');
  });

  it('is unknown (never pass) when the account setting could not be read', () => {
    const snapshot = fixtureSnapshot(
      { 's3.account-public-access-block': [] },
      { failed: [{ collector: 's3.account-public-access-block', region: 'global', code: 'AccessDenied' }] },
    );
    const findings = evaluate(check, snapshot);
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
  });
});
