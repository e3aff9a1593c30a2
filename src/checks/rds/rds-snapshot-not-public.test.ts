import { describe, expect, it } from 'vitest';
import type { RdsSnapshot } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './rds-snapshot-not-public.js';

const snap = (id: string, extra: Partial<RdsSnapshot> = {}): RdsSnapshot => ({
  dbSnapshotIdentifier: id,
  arn: `arn:aws:rds:us-east-1:123456789012:snapshot:${id}`,
  region: 'us-east-1',
  snapshotType: 'manual',
  encrypted: true,
  restoreAttribute: [],
  ...extra,
});

describe('rds-snapshot-not-public', () => {
  it('fails manual snapshots restorable by "all"; shared-with-account passes; denied is unknown', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.snapshots': [
          snap('s-private'),
          snap('s-shared', { restoreAttribute: ['210987654321'] }),
          snap('s-public', { restoreAttribute: ['all'], dbInstanceIdentifier: 'db-1' }),
          snap('s-denied', {
            restoreAttribute: undefined,
            fieldErrors: {
              restoreAttribute: {
                operation: 'DescribeDBSnapshotAttributes',
                code: 'AccessDenied',
                message: 'x',
              },
            },
          }),
        ],
      }),
    );
    expect(findingFor(findings, 's-private').status).toBe('pass');
    expect(findingFor(findings, 's-shared').status).toBe('pass');
    expect(findingFor(findings, 's-public').status).toBe('fail');
    expect(findingFor(findings, 's-public').message.en).toContain('db-1');
    expect(findingFor(findings, 's-denied').status).toBe('unknown');
  });

  it('judges manual snapshots only: automated ones cannot be shared', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'rds.snapshots': [
          snap('rds:db-1-2025-06-14', { snapshotType: 'automated', restoreAttribute: undefined }),
        ],
      }),
    );
    expect(findings).toEqual([]);
  });
});
