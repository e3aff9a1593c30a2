import { describe, expect, it } from 'vitest';
import { ec2Snapshot, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './ebs-snapshot-not-public.js';

describe('ebs-snapshot-not-public', () => {
  it('fails public snapshots, passes private ones, unknown when the attribute was denied', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'ec2.snapshots': [
          ec2Snapshot('snap-private'),
          ec2Snapshot('snap-public', { public: true }),
          ec2Snapshot('snap-denied', {
            public: undefined,
            fieldErrors: {
              public: { operation: 'DescribeSnapshotAttribute', code: 'UnauthorizedOperation', message: 'x' },
            },
          }),
        ],
      }),
    );
    expect(findingFor(findings, 'snap-private').status).toBe('pass');
    expect(findingFor(findings, 'snap-public').status).toBe('fail');
    expect(findingFor(findings, 'snap-public').message.en).toContain('"all"');
    expect(findingFor(findings, 'snap-denied').status).toBe('unknown');
  });
});
