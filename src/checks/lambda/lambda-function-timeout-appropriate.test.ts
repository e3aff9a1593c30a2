import { describe, expect, it } from 'vitest';
import type { LambdaFunction, LambdaFunctionMetrics } from '../../core/records.js';
import { daysAgo, evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-timeout-appropriate.js';

const fn = (functionName: string, timeoutSeconds: number): LambdaFunction => ({
  region: 'us-east-1',
  functionName,
  arn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  runtime: 'java21',
  packageType: 'Zip',
  memoryMb: 512,
  timeoutSeconds,
  architectures: ['x86_64'],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
});
const maxDurations = (functionName: string, ms: number[]): LambdaFunctionMetrics => ({
  region: 'us-east-1',
  functionName,
  invocationsDailySum: ms.map((_, i) => ({ t: daysAgo(ms.length - i), v: 5 })),
  errorsDailySum: [],
  durationDailyMaximum: ms.map((v, i) => ({ t: daysAgo(ms.length - i), v })),
});

describe('lambda-function-timeout-appropriate', () => {
  it('fails at ≥ 90 % of the timeout, warns on a long excessive timeout, passes otherwise', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [
          fn('tight', 10),
          fn('edge', 10),
          fn('lavish', 900),
          fn('short-lavish', 60),
          fn('fine', 30),
          fn('silent', 30),
        ],
        'lambda.function-metrics': [
          maxDurations('tight', [1000, 9500, 2000]),
          maxDurations('edge', [8999]),
          maxDurations('lavish', [1200, 3000]),
          maxDurations('short-lavish', [100]),
          maxDurations('fine', [5000]),
          maxDurations('silent', []),
        ],
      }),
    );
    const tight = findingFor(findings, 'tight');
    expect(tight.status).toBe('fail');
    expect(tight.message.en).toContain('max duration 9500 ms, timeout 10 s');
    expect(findingFor(findings, 'edge').status).toBe('pass');
    expect(findingFor(findings, 'lavish').status).toBe('warning');
    // 60 s is not "over 60 s", so no warning however short the calls.
    expect(findingFor(findings, 'short-lavish').status).toBe('pass');
    expect(findingFor(findings, 'fine').status).toBe('pass');
    expect(findingFor(findings, 'silent').status).toBe('unknown');
  });

  it('is unknown when the metrics collector failed in the region', () => {
    const snapshot = fixtureSnapshot(
      { 'lambda.functions': [fn('a', 10)], 'lambda.function-metrics': [] },
      { failed: [{ collector: 'lambda.function-metrics', region: 'us-east-1', code: 'Throttling' }] },
    );
    const findings = evaluate(check, snapshot);
    expect(findings.every((f) => f.status === 'unknown')).toBe(true);
    expect(findings.some((f) => f.message.en.includes('Throttling'))).toBe(true);
  });
});
