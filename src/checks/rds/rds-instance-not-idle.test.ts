import { describe, expect, it } from 'vitest';
import type { RdsInstanceMetrics } from '../../core/records.js';
import { dailyPoints, evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-not-idle.js';

const metrics = (id: string, connections: number[]): RdsInstanceMetrics => ({
  region: 'us-east-1',
  dbInstanceIdentifier: id,
  cpuDailyAverage: [],
  cpuDailyMaximum: [],
  connectionsDailyMaximum: dailyPoints(connections),
});

describe('rds-instance-not-idle', () => {
  const snapshot = fixtureSnapshot({
    'rds.instances': [
      rdsInstance('db-idle', { multiAZ: false }),
      rdsInstance('db-used'),
      rdsInstance('db-old-use'),
      rdsInstance('db-nodata'),
    ],
    'rds.instance-metrics': [
      metrics('db-idle', Array(7).fill(0)),
      metrics('db-used', [0, 0, 0, 0, 0, 0, 1]),
      metrics('db-old-use', [9, ...Array(7).fill(0)]),
      metrics('db-nodata', []),
    ],
  });
  const findings = evaluate(check, snapshot);

  it('fails with zero connections over 7 days, saving the monthly instance price', () => {
    const idle = findingFor(findings, 'db-idle');
    expect(idle.status).toBe('fail');
    expect(idle.estimatedMonthlySavingsUsd).toBe(124.83); // 0.171 × 730
    expect(findingFor(findings, 'db-old-use').status).toBe('fail'); // the connection was 8 days ago
  });

  it('passes with any connection and is unknown without datapoints', () => {
    expect(findingFor(findings, 'db-used').status).toBe('pass');
    expect(findingFor(findings, 'db-nodata').status).toBe('unknown');
  });
});
