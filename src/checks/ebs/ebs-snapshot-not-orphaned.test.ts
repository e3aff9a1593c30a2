import { describe, expect, it } from 'vitest';
import { ec2Snapshot, ec2Volume, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-snapshot-not-orphaned.js';

describe('ebs-snapshot-not-orphaned', () => {
  it('fails snapshots with neither a volume nor an AMI, with an upper-bound saving', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.volumes': [ec2Volume('vol-live')],
        'ec2.images': [
          {
            imageId: 'ami-1',
            arn: 'arn:aws:ec2:us-east-1::image/ami-1',
            region: 'us-east-1',
            snapshotIds: ['snap-ami'],
            tags: [],
          },
        ],
        'ec2.snapshots': [
          ec2Snapshot('snap-live', { volumeId: 'vol-live' }),
          ec2Snapshot('snap-ami', { volumeId: 'vol-gone' }),
          ec2Snapshot('snap-orphan', { volumeId: 'vol-gone', volumeSizeGiB: 200 }),
        ],
      }),
    );
    expect(findingFor(findings, 'snap-live').status).toBe('pass');
    expect(findingFor(findings, 'snap-ami').status).toBe('pass');
    const orphan = findingFor(findings, 'snap-orphan');
    expect(orphan.status).toBe('fail');
    expect(orphan.estimatedMonthlySavingsUsd).toBe(10); // 200 GiB × 0.05
    expect(orphan.savingsBasis?.en).toContain('upper bound');
    expect(orphan.savingsBasis?.ko).toContain('상한값');
  });

  it('is unknown (not fail) when the AMIs could not be listed', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot(
        {
          'ec2.volumes': [],
          'ec2.images': [],
          'ec2.snapshots': [ec2Snapshot('snap-orphan', { volumeId: 'vol-gone' })],
        },
        { failed: [{ collector: 'ec2.images', region: 'us-east-1', operation: 'DescribeImages' }] },
      ),
    );
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
  });
});
