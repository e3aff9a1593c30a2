import { describe, expect, it } from 'vitest';
import type { PublicAccessBlock, S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-public-access-block.js';

const allOn: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const bucket = (name: string, extra: Partial<S3Bucket> = {}): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  publicAccessBlock: null,
  ...extra,
});
const accountBlock = (publicAccessBlock: PublicAccessBlock | null) => [
  { region: 'global', accountId: '123456789012', publicAccessBlock },
];

describe('s3-bucket-public-access-block', () => {
  it('passes a fully blocked bucket and fails an unblocked one when the account block is incomplete', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('locked', { publicAccessBlock: allOn }),
          bucket('open'),
          bucket('half', { publicAccessBlock: { ...allOn, ignorePublicAcls: false } }),
        ],
        's3.account-public-access-block': accountBlock({ ...allOn, blockPublicAcls: false }),
      }),
    );
    expect(findingFor(findings, 'locked').status).toBe('pass');
    expect(findingFor(findings, 'open').status).toBe('fail');
    const half = findingFor(findings, 'half');
    expect(half.status).toBe('fail');
    expect(half.message.en).toContain('IgnorePublicAcls');
  });

  it('passes every bucket when the account-level block has all four flags on', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [bucket('open')],
        's3.account-public-access-block': accountBlock(allOn),
      }),
    );
    expect(findingFor(findings, 'open').status).toBe('pass');
  });

  it('makes a bucket unknown when its block could not be read (GetPublicAccessBlock denied)', () => {
    const denied = bucket('denied', {
      publicAccessBlock: undefined,
      fieldErrors: {
        publicAccessBlock: { operation: 'GetPublicAccessBlock', code: 'AccessDenied', message: 'no' },
      },
    });
    const findings = evaluate(
      check,
      fixtureSnapshot({ 's3.buckets': [denied], 's3.account-public-access-block': accountBlock(null) }),
    );
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });

  it('is unknown for an unblocked bucket when the account-level block is missing', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({ 's3.buckets': [bucket('open')], 's3.account-public-access-block': [] }),
    );
    expect(findingFor(findings, 'open').status).toBe('unknown');
  });
});
