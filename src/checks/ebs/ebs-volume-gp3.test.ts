import { describe, expect, it } from 'vitest';
import { ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-volume-gp3.js';

describe('ebs-volume-gp3', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.volumes': [
        ec2Volume('vol-gp3'),
        ec2Volume('vol-small', { volumeType: 'gp2', sizeGiB: 100 }),
        ec2Volume('vol-big', { volumeType: 'gp2', sizeGiB: 2048 }),
        ec2Volume('vol-seoul', { volumeType: 'gp2', sizeGiB: 100, region: 'ap-northeast-2' }),
      ],
    }),
  );

  it('passes non-gp2 volumes and fails gp2 with size × (gp2 − gp3) savings', () => {
    expect(findingFor(findings, 'vol-gp3').status).toBe('pass');
    const small = findingFor(findings, 'vol-small');
    expect(small.status).toBe('fail');
    expect(small.estimatedMonthlySavingsUsd).toBe(2); // 100 × (0.10 − 0.08)
    expect(small.message.en).not.toContain('Provision');
    expect(findingFor(findings, 'vol-seoul').estimatedMonthlySavingsUsd).toBe(2.28); // 100 × (0.114 − 0.0912)
  });

  it('tells how many IOPS to provision for volumes over 1 TiB', () => {
    const big = findingFor(findings, 'vol-big');
    expect(big.estimatedMonthlySavingsUsd).toBe(40.96);
    expect(big.details?.recommendedIops).toBe(6144);
    expect(big.message.en).toContain('Provision 6144 IOPS');
    expect(big.message.ko).toContain('6144 IOPS');
  });
});
