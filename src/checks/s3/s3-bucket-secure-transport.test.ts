import { describe, expect, it } from 'vitest';
import type { PolicyDocument, S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-secure-transport.js';

const bucket = (name: string, policy: S3Bucket['policy'], extra: Partial<S3Bucket> = {}): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  policy,
  ...extra,
});
const tlsOnly: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::tls', 'arn:aws:s3:::tls/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};
const readOnly: PolicyDocument = {
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 's3:GetObject', Resource: '*' },
  ],
};

describe('s3-bucket-secure-transport', () => {
  it('passes with the Deny and fails without it or without a policy', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [bucket('tls', tlsOnly), bucket('other', readOnly), bucket('none', null)],
      }),
    );
    expect(findingFor(findings, 'tls').status).toBe('pass');
    expect(findingFor(findings, 'other').status).toBe('fail');
    expect(findingFor(findings, 'none').message.en).toContain('no bucket policy');
  });

  it('is unknown when GetBucketPolicy was denied', () => {
    const denied = bucket('denied', undefined, {
      fieldErrors: { policy: { operation: 'GetBucketPolicy', code: 'AccessDenied', message: 'x' } },
    });
    expect(findingFor(evaluate(check, fixtureSnapshot({ 's3.buckets': [denied] })), 'denied').status).toBe(
      'unknown',
    );
  });
});
