import { describe, expect, it } from 'vitest';
import { ec2Instance, ec2Metrics, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ec2-instance-not-overutilized.js';

describe('ec2-instance-not-overutilized', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.instances': [ec2Instance('i-hot'), ec2Instance('i-warm'), ec2Instance('i-nodata')],
      'ec2.instance-metrics': [
        ec2Metrics('i-hot', { cpuAvg: [95, 91, 99, 92, ...Array(10).fill(40)] }),
        ec2Metrics('i-warm', { cpuAvg: [95, 91, 90, 99, ...Array(10).fill(40)] }),
        ec2Metrics('i-nodata', { cpuAvg: [] }),
      ],
    }),
  );

  it('fails when daily average CPU > 90 % on ≥ 4 days (90 exactly does not count)', () => {
    expect(findingFor(findings, 'i-hot').status).toBe('fail');
    expect(findingFor(findings, 'i-hot').message.en).toContain('on 4 of the last 14 days');
    expect(findingFor(findings, 'i-warm').status).toBe('pass');
    expect(findingFor(findings, 'i-nodata').status).toBe('unknown');
  });
});
