import { describe, expect, it } from 'vitest';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import { dynamodbMetrics, dynamodbTable } from '../testing-store.js';
import check from './dynamodb-table-not-idle.js';

const zero = [{ t: daysAgo(5), v: 0 }];

describe('dynamodb-table-not-idle', () => {
  it('fails a provisioned table with zero consumption and prices its capacity (RCU × 0.00013 + WCU × 0.00065) × 730', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'dynamodb.tables': [dynamodbTable('busy'), dynamodbTable('idle')],
        'dynamodb.table-metrics': [
          dynamodbMetrics('busy'),
          dynamodbMetrics('idle', { consumedReadDailySum: zero, consumedWriteDailySum: zero }),
        ],
      }),
    );
    expect(findingFor(findings, 'busy').status).toBe('pass');
    const idle = findingFor(findings, 'idle');
    expect(idle.status).toBe('fail');
    // (10 × 0.00013 + 5 × 0.00065) × 730 = 3.3215 USD, rounded to cents by the engine
    expect(idle.estimatedMonthlySavingsUsd).toBe(3.32);
    expect(idle.savingsBasis?.en).toContain('0.00013 USD per RCU-hour');
    expect(idle.savingsBasis?.en).toContain('0.00065 USD per WCU-hour');
  });

  it('is unknown without datapoints, not applicable on demand, and only counts the window', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'dynamodb.tables': [
          dynamodbTable('silent'),
          dynamodbTable('ondemand', { billingMode: 'PAY_PER_REQUEST' }),
          dynamodbTable('old-use'),
        ],
        'dynamodb.table-metrics': [
          dynamodbMetrics('silent', { consumedReadDailySum: [], consumedWriteDailySum: [] }),
          dynamodbMetrics('old-use', {
            consumedReadDailySum: [{ t: daysAgo(20), v: 50 }, ...zero],
            consumedWriteDailySum: zero,
          }),
        ],
      }),
      { windowDays: 10 },
    );
    expect(findingFor(findings, 'silent').status).toBe('unknown');
    expect(findingFor(findings, 'ondemand').status).toBe('not_applicable');
    expect(findingFor(findings, 'old-use').status).toBe('fail');
  });

  it('gives no savings figure where the table has no price for the region', () => {
    const table = dynamodbTable('idle', { region: 'ap-northeast-2' });
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'dynamodb.tables': [table],
        'dynamodb.table-metrics': [
          dynamodbMetrics('idle', {
            region: 'ap-northeast-2',
            consumedReadDailySum: zero,
            consumedWriteDailySum: zero,
          }),
        ],
      }),
    );
    const idle = findingFor(findings, 'idle');
    expect(idle.status).toBe('fail');
    expect(idle.estimatedMonthlySavingsUsd).toBeUndefined();
  });
});
