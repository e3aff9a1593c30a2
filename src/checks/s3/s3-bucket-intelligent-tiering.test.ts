import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-intelligent-tiering.js';

const bucket = (name: string, extra: Partial<S3Bucket>): S3Bucket => ({
  region: 'us-east-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  lifecycleRules: [],
  intelligentTieringConfigurations: [],
  ...extra,
});
const toTiering = (status: 'Enabled' | 'Disabled') => [
  { id: 'it', status, transitions: [{ storageClass: 'INTELLIGENT_TIERING', days: 0 }] },
];

describe('s3-bucket-intelligent-tiering', () => {
  it('passes with an enabled transition or an enabled configuration', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('rule', { lifecycleRules: toTiering('Enabled') }),
          bucket('config', { intelligentTieringConfigurations: [{ id: 'archive', status: 'Enabled' }] }),
        ],
      }),
    );
    expect(findingFor(findings, 'rule').status).toBe('pass');
    expect(findingFor(findings, 'config').message.en).toContain('configuration archive');
  });

  it('fails with only a disabled transition, a Glacier transition or a disabled configuration', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        's3.buckets': [
          bucket('disabled', { lifecycleRules: toTiering('Disabled') }),
          bucket('glacier', {
            lifecycleRules: [{ status: 'Enabled', transitions: [{ storageClass: 'GLACIER', days: 90 }] }],
          }),
          bucket('config-off', { intelligentTieringConfigurations: [{ id: 'a', status: 'Disabled' }] }),
        ],
      }),
    );
    for (const name of ['disabled', 'glacier', 'config-off'])
      expect(findingFor(findings, name).status).toBe('fail');
  });

  it('is unknown when the configuration list is missing and nothing proves tiering', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({ 's3.buckets': [bucket('missing', { intelligentTieringConfigurations: undefined })] }),
    );
    expect(findingFor(findings, 'missing').status).toBe('unknown');
  });
});
