import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-access-logging-enabled.js';

const bucket = (name: string, logging: S3Bucket['logging']): S3Bucket => ({
  region: 'ap-northeast-2',
  name,
  arn: `arn:aws:s3:::${name}`,
  logging,
});

describe('s3-bucket-access-logging-enabled', () => {
  it('passes with a target bucket and fails without one', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('logged', { targetBucket: 'logs', targetPrefix: 'logged/' }),
          bucket('silent', null),
        ],
      }),
    );
    const logged = findingFor(findings, 'logged');
    expect(logged.status).toBe('pass');
    expect(logged.details?.targetBucket).toBe('logs');
    expect(findingFor(findings, 'silent').status).toBe('fail');
  });

  it('is unknown when the logging status is missing', () => {
    expect(
      findingFor(evaluate(check, fixtureSnapshot({ 's3.buckets': [bucket('x', undefined)] })), 'x').status,
    ).toBe('unknown');
  });
});
