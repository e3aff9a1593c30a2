import { describe, expect, it } from 'vitest';
import { ec2Instance, ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check, { parseTransitionTime } from './ec2-instance-not-stopped-long.js';

describe('ec2-instance-not-stopped-long', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'ec2.instances': [
        ec2Instance('i-run'),
        ec2Instance('i-old', {
          state: 'stopped',
          stateTransitionReason: 'User initiated (2025-04-01 10:00:00 GMT)',
          volumeIds: ['vol-a', 'vol-b'],
        }),
        ec2Instance('i-recent', {
          state: 'stopped',
          stateTransitionReason: 'User initiated (2025-06-01 10:00:00 GMT)',
        }),
        ec2Instance('i-odd', { state: 'stopped', stateTransitionReason: 'Server.InternalError' }),
      ],
      'ec2.volumes': [
        ec2Volume('vol-a', { volumeType: 'gp2', sizeGiB: 30, attachments: [{ instanceId: 'i-old' }] }),
        ec2Volume('vol-b', { volumeType: 'gp3', sizeGiB: 100, attachments: [{ instanceId: 'i-old' }] }),
      ],
    }),
  );

  it('parses the date from StateTransitionReason', () => {
    expect(parseTransitionTime('User initiated (2024-01-02 03:04:05 GMT)')).toBe('2024-01-02T03:04:05Z');
    expect(parseTransitionTime('no date')).toBeUndefined();
  });

  it('fails instances stopped > 30 days with the attached volumes as savings', () => {
    const old = findingFor(findings, 'i-old');
    expect(old.status).toBe('fail');
    expect(old.details?.stoppedDays).toBe(74);
    expect(old.estimatedMonthlySavingsUsd).toBe(11); // 30 × 0.10 + 100 × 0.08
    expect(old.savingsBasis?.en).toContain('30 GiB × 0.1 USD/GB-month');
  });

  it('passes running and recently stopped instances; unknown when the date is unreadable', () => {
    expect(findingFor(findings, 'i-run').status).toBe('pass');
    expect(findingFor(findings, 'i-recent').status).toBe('pass');
    expect(findingFor(findings, 'i-odd').status).toBe('unknown');
  });
});
