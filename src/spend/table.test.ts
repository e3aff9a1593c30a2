import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.js';
import {
  costExplorerServiceOf,
  monthOverMonth,
  savingsByCostService,
  spendPeriod,
  spendRows,
  spendTotals,
} from './table.js';

const finding = (over: Partial<Finding>): Finding => ({
  checkId: 'ec2-instance-not-idle',
  service: 'ec2',
  category: 'cost',
  severity: 'medium',
  status: 'fail',
  region: 'us-east-1',
  resourceId: 'r',
  message: { ko: '메시지', en: 'message' },
  ...over,
});

describe('spend period', () => {
  it('is six complete months and the month to date, end exclusive (today)', () => {
    expect(spendPeriod(new Date('2026-12-05T10:00:00Z'))).toEqual({
      start: '2026-06-01',
      end: '2026-12-05',
      months: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
    });
  });

  it('crosses the year boundary', () => {
    const { start, months } = spendPeriod(new Date('2026-02-20T23:59:00Z'));
    expect(start).toBe('2025-08-01');
    expect(months.at(-1)).toBe('2026-02');
    expect(months).toHaveLength(7);
  });
});

describe('month over month', () => {
  it('compares the last complete month with the one before, never the month to date', () => {
    expect(monthOverMonth([1, 1, 1, 1, 100, 125, 9999])).toEqual({ usd: 25, percent: 25 });
    expect(monthOverMonth([0, 0, 0, 0, 80, 60, 0])).toEqual({ usd: -20, percent: -25 });
  });

  it('has no percentage when the month before cost nothing', () => {
    expect(monthOverMonth([0, 0, 0, 0, 0, 12.5, 3])).toEqual({ usd: 12.5, percent: null });
  });
});

describe('advisor savings on Cost Explorer service names', () => {
  it('maps checks to the service that bills them', () => {
    expect(costExplorerServiceOf({ checkId: 'ec2-instance-right-sized', service: 'ec2' })).toBe(
      'Amazon Elastic Compute Cloud - Compute',
    );
    expect(costExplorerServiceOf({ checkId: 'ebs-volume-attached', service: 'ec2' })).toBe('EC2 - Other');
    expect(costExplorerServiceOf({ checkId: 'ec2-eip-associated', service: 'ec2' })).toBe(
      'Amazon Virtual Private Cloud',
    );
    expect(costExplorerServiceOf({ checkId: 's3-bucket-lifecycle-configured', service: 's3' })).toBe(
      'Amazon Simple Storage Service',
    );
    expect(costExplorerServiceOf({ checkId: 'lambda-function-memory-right-sized', service: 'lambda' })).toBe(
      'AWS Lambda',
    );
    expect(costExplorerServiceOf({ checkId: 'rds-instance-not-idle', service: 'rds' })).toBe(
      'Amazon Relational Database Service',
    );
  });

  it('sums open, unmuted, positive savings only', () => {
    const savings = savingsByCostService([
      finding({ estimatedMonthlySavingsUsd: 10.105 }),
      finding({ estimatedMonthlySavingsUsd: 5, status: 'warning' }),
      finding({ estimatedMonthlySavingsUsd: 99, status: 'pass' }),
      finding({
        estimatedMonthlySavingsUsd: 50,
        muted: { reason: 'r', by: 'u', at: '2026-01-01T00:00:00Z', ruleId: 'x' },
      }),
      finding({ checkId: 'ebs-volume-gp3', estimatedMonthlySavingsUsd: 1.6 }),
      finding({ checkId: 'rds-instance-not-idle', service: 'rds', estimatedMonthlySavingsUsd: 0 }),
    ]);
    expect([...savings]).toEqual([
      ['Amazon Elastic Compute Cloud - Compute', { usd: 15.11, advisorServices: ['ec2'] }],
      ['EC2 - Other', { usd: 1.6, advisorServices: ['ec2'] }],
    ]);
  });
});

describe('spend rows', () => {
  const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
  const cost = (month: string, key: string, amountUsd: number) => ({
    month,
    key,
    amountUsd,
    estimated: false,
  });

  it('puts each cost in its month, sorts by the last complete month and totals the columns', () => {
    const rows = spendRows(months, [
      cost('2026-10', 'AWS Lambda', 2),
      cost('2026-11', 'AWS Lambda', 3),
      cost('2026-11', 'Amazon Simple Storage Service', 40.004),
      cost('2026-12', 'Amazon Simple Storage Service', 7),
      cost('2025-01', 'Outside the period', 1000),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['Amazon Simple Storage Service', 'AWS Lambda']);
    expect(rows[0]?.amounts).toEqual([0, 0, 0, 0, 0, 40, 7]);
    expect(rows[1]?.change).toEqual({ usd: 1, percent: 50 });
    expect(rows[0]?.savingsUsd).toBeNull();
    expect(spendTotals(months, rows)).toEqual({
      amounts: [0, 0, 0, 0, 2, 43, 7],
      change: { usd: 41, percent: 2050 },
    });
  });

  it('keeps a service that has savings but no cost in the period', () => {
    const rows = spendRows(
      months,
      [cost('2026-11', 'AWS Lambda', 3)],
      new Map([['EC2 - Other', { usd: 0.64, advisorServices: ['ec2' as const] }]]),
    );
    expect(rows.map((r) => [r.key, r.savingsUsd])).toEqual([
      ['AWS Lambda', 0],
      ['EC2 - Other', 0.64],
    ]);
    expect(rows[1]?.advisorServices).toEqual(['ec2']);
  });
});
