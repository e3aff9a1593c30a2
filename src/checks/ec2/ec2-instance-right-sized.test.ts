import { describe, expect, it } from 'vitest';
import { ec2Instance, ec2Metrics, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-right-sized.js';

const steady = (v: number) => Array(14).fill(v);

describe('ec2-instance-right-sized', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.instances': [
        ec2Instance('i-big', { instanceType: 'm5.xlarge' }),
        ec2Instance('i-peaky', { instanceType: 'm5.xlarge' }),
        ec2Instance('i-smallest', { instanceType: 't3.nano' }),
        ec2Instance('i-idle', { instanceType: 'm5.xlarge' }),
        ec2Instance('i-exotic', { instanceType: 'x2iedn.xlarge' }),
        ec2Instance('i-nodata'),
      ],
      'ec2.instance-metrics': [
        ec2Metrics('i-big', { cpuAvg: steady(20), cpuMax: [...steady(30).slice(1), 39.9] }),
        ec2Metrics('i-peaky', { cpuAvg: steady(20), cpuMax: [...steady(30).slice(1), 40] }),
        ec2Metrics('i-smallest', { cpuAvg: steady(20), cpuMax: steady(25) }),
        ec2Metrics('i-idle', { cpuAvg: steady(1), cpuMax: steady(2), netBytes: steady(1000) }),
        ec2Metrics('i-exotic', { cpuAvg: steady(20), cpuMax: steady(25) }),
        ec2Metrics('i-nodata', { cpuAvg: [] }),
      ],
    }),
  );

  it('recommends one size down when the 14-day peak (max of daily maxima) is below 40 %', () => {
    const big = findingFor(findings, 'i-big');
    expect(big.status).toBe('fail');
    expect(big.details?.recommendedType).toBe('m5.large');
    expect(big.details?.maxCpuPercent).toBe(39.9);
    expect(big.estimatedMonthlySavingsUsd).toBe(70.08); // (0.192 − 0.096) × 730
  });

  it('passes at the threshold or at the smallest size; idle or unknown families are not applicable', () => {
    expect(findingFor(findings, 'i-peaky').status).toBe('pass');
    expect(findingFor(findings, 'i-smallest').status).toBe('pass');
    expect(findingFor(findings, 'i-idle').status).toBe('not_applicable');
    expect(findingFor(findings, 'i-exotic').status).toBe('not_applicable');
    expect(findingFor(findings, 'i-nodata').status).toBe('unknown');
  });
});
