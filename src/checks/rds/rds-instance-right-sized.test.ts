import { describe, expect, it } from 'vitest';
import type { RdsInstanceMetrics } from '../../core/records.js';
import { dailyPoints, evaluate, findingFor, fixtureSnapshot, rdsInstance } from '../testing.js';
import check from './rds-instance-right-sized.js';

const metrics = (id: string, cpuMax: number[]): RdsInstanceMetrics => ({
  region: 'us-east-1',
  dbInstanceIdentifier: id,
  cpuDailyAverage: dailyPoints(cpuMax.map((v) => v / 2)),
  cpuDailyMaximum: dailyPoints(cpuMax),
  connectionsDailyMaximum: dailyPoints(cpuMax.map(() => 5)),
});

describe('rds-instance-right-sized', () => {
  const findings = evaluate(
    check,
    fixtureSnapshot({
      'rds.instances': [
        rdsInstance('db-big', { dbInstanceClass: 'db.m5.xlarge', multiAZ: true }),
        rdsInstance('db-busy', { dbInstanceClass: 'db.m5.xlarge' }),
        rdsInstance('db-tiny', { dbInstanceClass: 'db.t3.micro' }),
        rdsInstance('db-nodata'),
      ],
      'rds.instance-metrics': [
        metrics('db-big', Array(14).fill(30)),
        metrics('db-busy', [...Array(13).fill(30), 85]),
        metrics('db-tiny', Array(14).fill(10)),
        metrics('db-nodata', []),
      ],
    }),
  );

  it('recommends one class down with the Multi-AZ (2×) price difference × 730', () => {
    const big = findingFor(findings, 'db-big');
    expect(big.status).toBe('fail');
    expect(big.details?.recommendedClass).toBe('db.m5.large');
    expect(big.estimatedMonthlySavingsUsd).toBe(249.66); // (0.684 − 0.342) × 730
    expect(big.savingsBasis?.en).toContain('Multi-AZ');
  });

  it('passes busy or smallest classes and is unknown without datapoints', () => {
    expect(findingFor(findings, 'db-busy').status).toBe('pass');
    expect(findingFor(findings, 'db-tiny').status).toBe('pass');
    expect(findingFor(findings, 'db-nodata').status).toBe('unknown');
  });
});
