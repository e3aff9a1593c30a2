import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-lifecycle-configured.js';

const bucket = (name: string, lifecycleRules: S3Bucket['lifecycleRules']): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  lifecycleRules,
});

describe('s3-bucket-lifecycle-configured', () => {
  it('passes with an enabled rule and fails with none or only disabled rules', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('managed', [{ id: 'expire', status: 'Enabled', transitions: [], expirationDays: 365 }]),
          bucket('disabled', [{ id: 'old', status: 'Disabled', transitions: [] }]),
          bucket('none', []),
        ],
      }),
    );
    expect(findingFor(findings, 'managed').status).toBe('pass');
    expect(findingFor(findings, 'disabled').status).toBe('fail');
    expect(findingFor(findings, 'none').status).toBe('fail');
  });

  it('is unknown when GetBucketLifecycleConfiguration was denied', () => {
    const denied: S3Bucket = {
      ...bucket('denied', undefined),
      fieldErrors: {
        lifecycleRules: { operation: 'GetBucketLifecycleConfiguration', code: 'AccessDenied', message: 'x' },
      },
    };
    expect(findingFor(evaluate(check, fixtureSnapshot({ 's3.buckets': [denied] })), 'denied').status).toBe(
      'unknown',
    );
  });
});
