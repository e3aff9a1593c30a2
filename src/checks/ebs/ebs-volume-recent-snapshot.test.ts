import { describe, expect, it } from 'vitest';
import { daysAgo, ec2Snapshot, ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-volume-recent-snapshot.js';

describe('ebs-volume-recent-snapshot', () => {
  const snapshot = fixtureSnapshot({
    'ec2.volumes': [
      ec2Volume('vol-fresh'),
      ec2Volume('vol-week'),
      ec2Volume('vol-old'),
      ec2Volume('vol-none'),
      ec2Volume('vol-free', { state: 'available', attachments: [] }),
    ],
    'ec2.snapshots': [
      ec2Snapshot('snap-1', { volumeId: 'vol-fresh', startTime: daysAgo(40) }),
      ec2Snapshot('snap-2', { volumeId: 'vol-fresh', startTime: daysAgo(2) }),
      ec2Snapshot('snap-3', { volumeId: 'vol-week', startTime: daysAgo(10) }),
      ec2Snapshot('snap-4', { volumeId: 'vol-old', startTime: daysAgo(31) }),
      ec2Snapshot('snap-5', { volumeId: 'vol-old', startTime: daysAgo(1), state: 'error' }),
    ],
  });

  it('≤ 7 days → pass, 7–30 → warning, > 30 or none → fail; unattached volumes are skipped', () => {
    const findings = evaluate(check, snapshot);
    expect(findingFor(findings, 'vol-fresh').status).toBe('pass');
    expect(findingFor(findings, 'vol-week').status).toBe('warning');
    expect(findingFor(findings, 'vol-week').details?.newestSnapshotAgeDays).toBe(10);
    expect(findingFor(findings, 'vol-old').status).toBe('fail');
    expect(findingFor(findings, 'vol-none').status).toBe('fail');
    expect(findings.find((f) => f.resourceId === 'vol-free')).toBeUndefined();
  });

  it('uses the thresholds from settings', () => {
    const findings = evaluate(check, snapshot, { warnAfterDays: 14, failAfterDays: 60 });
    expect(findingFor(findings, 'vol-week').status).toBe('pass');
    expect(findingFor(findings, 'vol-old').status).toBe('warning');
  });
});
