import { describe, expect, it } from 'vitest';
import { ec2Instance, ec2Metrics, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-not-idle.js';

const busy = Array(14).fill(50);
/** 4 idle days (CPU 5 %, 2 MB) among busy ones. */
const fourIdle = [5, 5, 5, 5, ...Array(10).fill(50)];
const fourIdleNet = [2e6, 2e6, 2e6, 2e6, ...Array(10).fill(5e7)];

describe('ec2-instance-not-idle', () => {
  const snapshot = fixtureSnapshot({
    'ec2.instances': [
      ec2Instance('i-busy'),
      ec2Instance('i-idle', { instanceType: 'm5.large' }),
      ec2Instance('i-three', { instanceType: 't3.micro' }),
      ec2Instance('i-lowcpu-chatty'),
      ec2Instance('i-nodata'),
      ec2Instance('i-stopped', { state: 'stopped' }),
    ],
    'ec2.instance-metrics': [
      ec2Metrics('i-busy', { cpuAvg: busy }),
      ec2Metrics('i-idle', { cpuAvg: fourIdle, netBytes: fourIdleNet }),
      ec2Metrics('i-three', { cpuAvg: [5, 5, 5, ...Array(11).fill(50)], netBytes: fourIdleNet }),
      ec2Metrics('i-lowcpu-chatty', { cpuAvg: Array(14).fill(1), netBytes: Array(14).fill(6e6) }),
      ec2Metrics('i-nodata', { cpuAvg: [] }),
    ],
  });
  const findings = evaluate(check, snapshot);

  it('fails on ≥ 4 idle days with the monthly On-Demand price as savings (hourly × 730)', () => {
    const idle = findingFor(findings, 'i-idle');
    expect(idle.status).toBe('fail');
    expect(idle.estimatedMonthlySavingsUsd).toBe(70.08); // 0.096 × 730
    expect(idle.savingsBasis?.en).toContain('0.096 USD/hour × 730 hours');
    expect(idle.details?.idleDays).toBe(4);
  });

  it('needs both low CPU and low network, and 4 days', () => {
    expect(findingFor(findings, 'i-busy').status).toBe('pass');
    expect(findingFor(findings, 'i-three').status).toBe('pass');
    expect(findingFor(findings, 'i-lowcpu-chatty').status).toBe('pass');
  });

  it('is unknown without datapoints and not applicable when stopped', () => {
    expect(findingFor(findings, 'i-nodata').status).toBe('unknown');
    expect(findingFor(findings, 'i-stopped').status).toBe('not_applicable');
  });

  it('honours settings (3 idle days)', () => {
    expect(findingFor(evaluate(check, snapshot, { minIdleDays: 3 }), 'i-three').status).toBe('fail');
    expect(
      findingFor(evaluate(check, snapshot, { minIdleDays: 3 }), 'i-three').estimatedMonthlySavingsUsd,
    ).toBe(7.59);
  });
});
