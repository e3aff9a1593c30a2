import { describe, expect, it } from 'vitest';
import { callKind, compareScales, PER_RESOURCE_CALLS } from '../../bench/call-kinds.js';

describe('the benchmark’s calls-vs-resources comparison', () => {
  it('names every per-resource call with a reason', () => {
    for (const [operation, reason] of Object.entries(PER_RESOURCE_CALLS)) {
      expect(operation).toMatch(/^[A-Za-z0-9]+\.[A-Z][A-Za-z]+$/);
      expect(reason.length).toBeGreaterThan(10);
    }
    expect(callKind('SQS.GetQueueAttributes')).toBe('per-resource');
    expect(callKind('SQS.ListQueues')).toBe('per-page');
  });

  it('flags a call not named per resource that grows with the resources, not one that grows by pages', () => {
    const rows = compareScales(
      {
        'SQS.ListQueues': 4,
        'SQS.GetQueueAttributes': 248,
        'CloudWatchLogs.DescribeLogGroups': 16,
        'Made.UpDescribeThing': 120,
      },
      {
        'SQS.ListQueues': 4,
        'SQS.GetQueueAttributes': 494,
        'CloudWatchLogs.DescribeLogGroups': 20,
        'Made.UpDescribeThing': 240,
      },
    );
    const flagged = rows.filter((r) => r.suspicious).map((r) => r.operation);
    expect(flagged).toEqual(['Made.UpDescribeThing']);
    expect(rows.find((r) => r.operation === 'SQS.GetQueueAttributes')).toMatchObject({
      kind: 'per-resource',
      atN: 248,
      at2N: 494,
    });
  });
});
