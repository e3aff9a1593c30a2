import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-default-encryption.js';

const bucket = (
  name: string,
  encryption: S3Bucket['encryption'],
  extra: Partial<S3Bucket> = {},
): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  encryption,
  ...extra,
});

describe('s3-bucket-default-encryption', () => {
  it('passes SSE-S3 / SSE-KMS and fails a bucket without a rule', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('sse-s3', [{ algorithm: 'AES256' }]),
          bucket('kms', [{ algorithm: 'aws:kms', kmsKeyId: 'key', bucketKeyEnabled: true }]),
          bucket('plain', null),
        ],
      }),
    );
    expect(findingFor(findings, 'sse-s3').status).toBe('pass');
    expect(findingFor(findings, 'kms').message.en).toContain('aws:kms');
    expect(findingFor(findings, 'plain').status).toBe('fail');
  });

  it('is unknown when GetBucketEncryption was denied', () => {
    const denied = bucket('denied', undefined, {
      fieldErrors: { encryption: { operation: 'GetBucketEncryption', code: 'AccessDenied', message: 'no' } },
    });
    const findings = evaluate(check, fixtureSnapshot({ 's3.buckets': [denied] }));
    expect(findingFor(findings, 'denied').status).toBe('unknown');
  });
});
