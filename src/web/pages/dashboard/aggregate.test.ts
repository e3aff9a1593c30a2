import { describe, expect, it } from 'vitest';
import type { FindingDto } from '../../../shared/api/advisor';
import { resourcesByRegion, resourcesByService, resourceTotal, topSavings } from './aggregate';

const finding = (over: Partial<FindingDto>): FindingDto => ({
  checkId: 'ec2-instance-right-sized',
  service: 'ec2',
  category: 'cost',
  severity: 'medium',
  status: 'fail',
  region: 'us-east-1',
  resourceId: 'i-1',
  message: { ko: '메시지', en: 'message' },
  ...over,
});

describe('dashboard aggregates', () => {
  it('counts inventory collectors per service and leaves metrics and singletons out', () => {
    const counts = {
      'ec2.instances': 2,
      'ec2.volumes': 3,
      'ec2.instance-metrics': 2,
      'ec2.ebs-encryption-default': 1,
      's3.buckets': 4,
      'iam.password-policy': 1,
    } as const;
    expect(resourcesByService(counts)).toEqual({ ec2: 5, s3: 4 });
    expect(resourceTotal(counts)).toBe(9);
  });

  it('sums ok outcomes per region, biggest first, errors and skipped left out', () => {
    const byRegion = resourcesByRegion({
      'ec2.volumes': {
        'us-east-1': { status: 'ok', count: 2 },
        'eu-west-1': { status: 'ok', count: 5 },
        'ap-northeast-2': { status: 'skipped', reason: 'not enabled' },
      },
      'ec2.instance-metrics': { 'us-east-1': { status: 'ok', count: 9 } },
      'iam.users': { global: { status: 'ok', count: 1 } },
    });
    expect([...byRegion]).toEqual([
      ['eu-west-1', 5],
      ['us-east-1', 2],
      ['global', 1],
    ]);
  });

  it('top savings: open, unmuted, positive, biggest first, at most the limit', () => {
    const list = [
      finding({ resourceId: 'a', estimatedMonthlySavingsUsd: 5 }),
      finding({ resourceId: 'b', estimatedMonthlySavingsUsd: 50 }),
      finding({ resourceId: 'c', estimatedMonthlySavingsUsd: 500, status: 'pass' }),
      finding({
        resourceId: 'd',
        estimatedMonthlySavingsUsd: 90,
        muted: { reason: 'r', by: 'u', at: '2026-01-01T00:00:00Z', ruleId: 'x' },
      }),
      finding({ resourceId: 'e', estimatedMonthlySavingsUsd: 0 }),
      finding({ resourceId: 'f', estimatedMonthlySavingsUsd: 20, status: 'warning' }),
    ];
    expect(topSavings(list).map((f) => f.resourceId)).toEqual(['b', 'f', 'a']);
    expect(topSavings(list, 2).map((f) => f.resourceId)).toEqual(['b', 'f']);
  });
});
