import { describe, expect, it } from 'vitest';
import type { LambdaFunction, LambdaFunctionMetrics, LambdaMemoryUsage } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check, { recommendedMemoryMb } from './lambda-function-memory-right-sized.js';

const fn = (functionName: string, memoryMb: number, architecture = 'x86_64'): LambdaFunction => ({
  region: 'us-east-1',
  functionName,
  arn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  runtime: 'python3.12',
  packageType: 'Zip',
  memoryMb,
  timeoutSeconds: 30,
  architectures: [architecture],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
});
const usage = (
  functionName: string,
  maxMemoryUsedMb: number | undefined,
  invocationsSeen = 5000,
): LambdaMemoryUsage => ({
  region: 'us-east-1',
  functionName,
  invocationsSeen,
  maxMemoryUsedMb,
});
/** 7 daily points of `perDay` invocations averaging `avgMs`. */
const metrics = (functionName: string, perDay: number, avgMs: number): LambdaFunctionMetrics => {
  const days = [7, 6, 5, 4, 3, 2, 1].map((d) => daysAgo(d));
  return {
    region: 'us-east-1',
    functionName,
    invocationsDailySum: days.map((t) => ({ t, v: perDay })),
    errorsDailySum: [],
    durationDailyMaximum: days.map((t) => ({ t, v: avgMs * 2 })),
    durationDailyAverage: days.map((t) => ({ t, v: avgMs })),
  };
};

describe('recommendedMemoryMb', () => {
  it.each([
    [200, 256],
    [100, 128],
    [0, 128],
    [512, 640],
    [513, 704],
  ])('max used %i MB → %i MB', (used, expected) => {
    expect(recommendedMemoryMb(used, 25)).toBe(expected);
  });
});

describe('lambda-function-memory-right-sized', () => {
  it('fails an over-provisioned function with savings in USD per month (GB = 1024 MB, GB-seconds)', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [fn('big', 1024), fn('big-arm', 1024, 'arm64')],
        'lambda.memory-usage': [usage('big', 200), usage('big-arm', 200)],
        'lambda.function-metrics': [metrics('big', 1_000_000, 500), metrics('big-arm', 1_000_000, 500)],
      }),
    );
    const big = findingFor(findings, 'big');
    expect(big.status).toBe('fail');
    expect(big.details?.recommendedMemoryMb).toBe(256);
    // 7e6 invocations × 0.5 s × 30.4/7 = 15.2e6 s; × 0.75 GB × 0.0000166667 USD = 190.00
    expect(big.estimatedMonthlySavingsUsd).toBeCloseTo(190.0, 2);
    expect(big.savingsBasis?.en).toContain('(1024 − 256) MB ÷ 1024 = 0.750 GB');
    expect(big.savingsBasis?.en).toContain('15,200,000 s');
    expect(big.savingsBasis?.ko).toContain('GB-초당');
    // Graviton GB-seconds are cheaper: 0.0000133334 USD.
    expect(findingFor(findings, 'big-arm').estimatedMonthlySavingsUsd).toBeCloseTo(152.0, 2);
  });

  it('warns above 90 %, passes in between and at the 128 MB floor, unknown without invocations', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [
          fn('tight', 1024),
          fn('fits', 1024),
          fn('floor', 128),
          fn('idle', 512),
          fn('never-logged', 512),
        ],
        'lambda.memory-usage': [
          usage('tight', 950),
          usage('fits', 600),
          usage('floor', 60),
          usage('idle', undefined, 0),
        ],
      }),
    );
    const tight = findingFor(findings, 'tight');
    expect(tight.status).toBe('warning');
    expect(tight.message.en).toContain('950 MB of 1024 MB');
    expect(findingFor(findings, 'fits').status).toBe('pass');
    expect(findingFor(findings, 'floor').status).toBe('pass');
    expect(findingFor(findings, 'idle').status).toBe('unknown');
    expect(findingFor(findings, 'never-logged').status).toBe('unknown');
  });

  it('still fails without Duration metrics, but states that savings were not estimated', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'lambda.functions': [fn('big', 2048)], 'lambda.memory-usage': [usage('big', 300)] }),
    );
    const big = findingFor(findings, 'big');
    expect(big.status).toBe('fail');
    expect(big.estimatedMonthlySavingsUsd).toBeUndefined();
    expect(big.savingsBasis?.en).toContain('not estimated');
  });

  it("is unknown, naming the failed call, when reading one function's log group failed", () => {
    const failed: LambdaMemoryUsage = {
      ...usage('denied', undefined, 0),
      fieldErrors: {
        maxMemoryUsedMb: { operation: 'FilterLogEvents', code: 'AccessDeniedException', message: 'x' },
      },
    };
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'lambda.functions': [fn('denied', 1024)], 'lambda.memory-usage': [failed] }),
    );
    const finding = findingFor(findings, 'denied');
    expect(finding.status).toBe('unknown');
    expect(finding.message.en).toContain('FilterLogEvents');
  });

  it('is unknown for the region when the REPORT-log collector failed', () => {
    const snapshot = fixtureSnapshot(
      { 'lambda.functions': [fn('a', 1024)], 'lambda.memory-usage': [] },
      { failed: [{ collector: 'lambda.memory-usage', region: 'us-east-1', code: 'AccessDeniedException' }] },
    );
    expect(evaluate(check, snapshot).map((f) => f.status)).toEqual(['unknown']);
  });
});
