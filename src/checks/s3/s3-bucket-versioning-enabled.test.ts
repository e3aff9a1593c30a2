import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-versioning-enabled.js';

const bucket = (name: string, status?: 'Enabled' | 'Suspended' | 'Disabled'): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  versioning: status ? { status, mfaDelete: 'Disabled' } : undefined,
});

describe('s3-bucket-versioning-enabled', () => {
  it('passes Enabled, fails Suspended and never-enabled', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [bucket('on', 'Enabled'), bucket('paused', 'Suspended'), bucket('never', 'Disabled')],
      }),
    );
    expect(findingFor(findings, 'on').status).toBe('pass');
    expect(findingFor(findings, 'paused').status).toBe('fail');
    expect(findingFor(findings, 'paused').message.en).toContain('suspended');
    expect(findingFor(findings, 'never').status).toBe('fail');
  });

  it('is unknown, not pass, when the status is missing', () => {
    const findings = evaluate(check, fixtureSnapshot({ 's3.buckets': [bucket('missing')] }));
    expect(findingFor(findings, 'missing').status).toBe('unknown');
  });
});
