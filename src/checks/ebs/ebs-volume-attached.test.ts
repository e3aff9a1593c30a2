import { describe, expect, it } from 'vitest';
import { ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-volume-attached.js';

describe('ebs-volume-attached', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.volumes': [
        ec2Volume('vol-used'),
        ec2Volume('vol-gp2', { state: 'available', attachments: [], volumeType: 'gp2', sizeGiB: 100 }),
        ec2Volume('vol-io1', {
          state: 'available',
          attachments: [],
          volumeType: 'io1',
          sizeGiB: 100,
          iops: 1000,
        }),
        ec2Volume('vol-gp3', {
          state: 'available',
          attachments: [],
          volumeType: 'gp3',
          sizeGiB: 50,
          iops: 4000,
          throughput: 225,
        }),
      ],
    }),
  );

  it('passes attached volumes', () => {
    expect(findingFor(findings, 'vol-used').status).toBe('pass');
  });

  it('fails unattached volumes with storage savings per GB-month of provisioned GiB (no GiB→GB scaling)', () => {
    const gp2 = findingFor(findings, 'vol-gp2');
    expect(gp2.status).toBe('fail');
    expect(gp2.estimatedMonthlySavingsUsd).toBe(10); // 100 GiB × 0.10, not 10.74
    expect(gp2.savingsBasis?.en).toContain('100 GiB × 0.1 USD/GB-month');
    expect(gp2.savingsBasis?.en).toContain('2025-06-01');
    expect(gp2.savingsBasis?.ko).toContain('GB-월당');
  });

  it('adds provisioned IOPS and gp3 IOPS/throughput above the included baseline', () => {
    expect(findingFor(findings, 'vol-io1').estimatedMonthlySavingsUsd).toBe(77.5); // 12.5 + 1000 × 0.065
    // 50 × 0.08 + (4000 − 3000) × 0.005 + (225 − 125) × 0.04 = 4 + 5 + 4
    expect(findingFor(findings, 'vol-gp3').estimatedMonthlySavingsUsd).toBe(13);
  });
});
