import { describe, expect, it } from 'vitest';
import type { PolicyDocument, S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { trail } from '../testing-guardrails.js';
import check from './cloudtrail-bucket-not-public.js';

const bucket = (name: string, extra: Partial<S3Bucket> = {}): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  policy: null,
  aclGrants: [],
  publicAccessBlock: null,
  ...extra,
});
const publicRead: PolicyDocument = {
  Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
};
const trails = [
  trail('private', { s3BucketName: 'private-logs' }),
  trail('public', { s3BucketName: 'public-logs' }),
  trail('elsewhere', { s3BucketName: 'log-archive-account-bucket' }),
  trail('denied', { s3BucketName: 'denied-logs' }),
];
const buckets = [
  bucket('private-logs'),
  bucket('public-logs', { policy: publicRead }),
  bucket('denied-logs', {
    policy: undefined,
    fieldErrors: { policy: { operation: 'GetBucketPolicy', code: 'AccessDenied', message: 'no' } },
  }),
];
const run = (accountBlock: 'none' | 'restrict' = 'none') =>
  evaluate(
    check,
    fixtureSnapshot({
      'cloudtrail.trails': trails,
      's3.buckets': buckets,
      's3.account-public-access-block': [
        {
          region: 'global',
          accountId: '123456789012',
          publicAccessBlock:
            accountBlock === 'none'
              ? null
              : {
                  blockPublicAcls: false,
                  ignorePublicAcls: false,
                  blockPublicPolicy: false,
                  restrictPublicBuckets: true,
                },
        },
      ],
    }),
  );
const arn = (name: string) => trails.find((t) => t.name === name)?.arn ?? '';

describe('cloudtrail-bucket-not-public', () => {
  it('judges the trail bucket with the s3-bucket-not-public rule', () => {
    const findings = run();
    expect(findingFor(findings, arn('private')).status).toBe('pass');
    const failed = findingFor(findings, arn('public'));
    expect(failed.status).toBe('fail');
    expect(failed.message.en).toBe(
      'Trail public: Bucket public-logs is public: bucket policy statement(s) Anyone allow "*" without a restricting condition.',
    );
    expect(failed.details?.publicStatements).toBe('Anyone');
  });

  it('lets the account-level Block Public Access neutralise the policy', () => {
    expect(findingFor(run('restrict'), arn('public')).status).toBe('pass');
  });

  it('is unknown when the bucket was not collected or its policy could not be read', () => {
    const findings = run();
    expect(findingFor(findings, arn('elsewhere')).status).toBe('unknown');
    expect(findingFor(findings, arn('elsewhere')).message.en).toContain('not among the collected buckets');
    expect(findingFor(findings, arn('denied')).status).toBe('unknown');
    // Only the trails are findings of this check, never the buckets.
    expect(findings).toHaveLength(4);
  });

  it('is unknown for every trail when the buckets could not be listed', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        { 'cloudtrail.trails': trails, 's3.account-public-access-block': [] },
        { failed: [{ collector: 's3.buckets', region: 'global', operation: 'ListBuckets' }] },
      ),
    );
    expect(findings.map((f) => f.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});
