import { describe, expect, it } from 'vitest';
import type { LambdaFunction, LambdaFunctionMetrics, MetricPoint } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-error-rate.js';

const fn = (functionName: string): LambdaFunction => ({
  region: 'us-west-2',
  functionName,
  arn: `arn:aws:lambda:us-west-2:123456789012:function:${functionName}`,
  runtime: 'nodejs22.x',
  packageType: 'Zip',
  memoryMb: 128,
  timeoutSeconds: 3,
  architectures: ['x86_64'],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
});
/** Daily series: values[0] is 7 days ago, the last one yesterday. */
const daily = (values: number[]): MetricPoint[] =>
  values.map((v, i) => ({ t: daysAgo(values.length - i), v }));
const metrics = (functionName: string, invocations: number[], errors: number[]): LambdaFunctionMetrics => ({
  region: 'us-west-2',
  functionName,
  invocationsDailySum: daily(invocations),
  errorsDailySum: daily(errors),
  durationDailyMaximum: [],
});

describe('lambda-function-error-rate', () => {
  it('fails when one day exceeds 10 % and passes at exactly 10 %', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [fn('flaky'), fn('steady'), fn('idle'), fn('unmeasured')],
        'lambda.function-metrics': [
          metrics('flaky', [100, 100, 100, 100, 100, 100, 100], [0, 0, 11, 0, 0, 0, 0]),
          metrics('steady', [100, 100, 100, 100, 100, 100, 100], [10, 10, 10, 10, 10, 10, 10]),
          metrics('idle', [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]),
        ],
      }),
    );
    const flaky = findingFor(findings, 'flaky');
    expect(flaky.status).toBe('fail');
    expect(flaky.details?.worstDayErrorRatePercent).toBe(11);
    expect(flaky.message.en).toContain('11 errors / 100 invocations');
    expect(findingFor(findings, 'steady').status).toBe('pass');
    expect(findingFor(findings, 'idle').status).toBe('not_applicable');
    expect(findingFor(findings, 'unmeasured').status).toBe('unknown');
  });

  it('ignores days older than the window', () => {
    // 8 points: the failing one is 8 days ago, outside the 7-day window.
    const m = metrics('old-failure', [10, 10, 10, 10, 10, 10, 10, 10], [9, 0, 0, 0, 0, 0, 0, 0]);
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'lambda.functions': [fn('old-failure')], 'lambda.function-metrics': [m] }),
    );
    expect(findingFor(findings, 'old-failure').status).toBe('pass');
  });
});
