import { describe, expect, it } from 'vitest';
import { ec2Instance, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-imdsv2-required.js';

describe('ec2-instance-imdsv2-required', () => {
  const snapshot = fixtureSnapshot({
    'ec2.instances': [
      ec2Instance('i-v2'),
      ec2Instance('i-v1', {
        name: 'legacy',
        metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled' },
      }),
      ec2Instance('i-off', { metadataOptions: { httpTokens: 'optional', httpEndpoint: 'disabled' } }),
      ec2Instance('i-none', { metadataOptions: undefined }),
      ec2Instance('i-gone', { state: 'terminated', metadataOptions: { httpTokens: 'optional' } }),
    ],
  });
  const findings = evaluate(check, snapshot);

  it('passes IMDSv2-only and IMDS-disabled instances, fails IMDSv1-capable ones', () => {
    expect(findingFor(findings, 'i-v2').status).toBe('pass');
    expect(findingFor(findings, 'i-off').status).toBe('pass');
    const v1 = findingFor(findings, 'i-v1');
    expect(v1.status).toBe('fail');
    expect(v1.message.en).toContain('i-v1 (legacy)');
    expect(v1.message.en).toContain('HttpTokens=optional');
    expect(v1.message.ko).toContain('HttpTokens=optional');
  });

  it('reports missing metadata options as unknown and ignores terminated instances', () => {
    expect(findingFor(findings, 'i-none').status).toBe('unknown');
    expect(findings.find((f) => f.resourceId === 'i-gone')).toBeUndefined();
    expect(findings).toHaveLength(4);
  });
});
