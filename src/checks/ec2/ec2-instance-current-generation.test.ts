import { describe, expect, it } from 'vitest';
import { ec2Instance, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-current-generation.js';

describe('ec2-instance-current-generation', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.instances': [
        ec2Instance('i-m5', { instanceType: 'm5.large' }),
        ec2Instance('i-m4', { instanceType: 'm4.large' }),
        ec2Instance('i-t2', { instanceType: 't2.micro', state: 'stopped' }),
        ec2Instance('i-c4', { instanceType: 'c4.8xlarge' }),
        ec2Instance('i-m3', { instanceType: 'm3.medium' }),
      ],
    }),
  );

  it('passes current types and fails previous-generation ones with the current equivalent', () => {
    expect(findingFor(findings, 'i-m5').status).toBe('pass');
    const m4 = findingFor(findings, 'i-m4');
    expect(m4.status).toBe('fail');
    expect(m4.details?.recommendedType).toBe('m5.large');
    expect(m4.estimatedMonthlySavingsUsd).toBe(2.92); // (0.10 − 0.096) × 730
    expect(findingFor(findings, 'i-t2').details?.recommendedType).toBe('t3.micro');
    expect(findingFor(findings, 'i-c4').message.en).toContain('c5 / c6i');
  });

  it('suggests the family when the same size does not exist there', () => {
    const m3 = findingFor(findings, 'i-m3');
    expect(m3.status).toBe('fail');
    expect(m3.details?.recommendedType).toBe('m5 family');
    expect(m3.estimatedMonthlySavingsUsd).toBeUndefined();
  });
});
