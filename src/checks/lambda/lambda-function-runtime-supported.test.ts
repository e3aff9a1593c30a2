import { describe, expect, it } from 'vitest';
import type { LambdaFunction } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-runtime-supported.js';

const fn = (
  functionName: string,
  runtime: string | undefined,
  packageType: 'Zip' | 'Image' = 'Zip',
): LambdaFunction => ({
  region: 'us-east-1',
  functionName,
  arn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  runtime,
  packageType,
  memoryMb: 128,
  timeoutSeconds: 3,
  architectures: ['x86_64'],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
});

const functions = [
  fn('old-python', 'python3.9'),
  fn('node20', 'nodejs20.x'),
  fn('node22', 'nodejs22.x'),
  fn('py312', 'python3.12'),
  fn('image', undefined, 'Image'),
  fn('cobol', 'cobol85'),
];

describe('lambda-function-runtime-supported', () => {
  it('fails a deprecated runtime, warns within 120 days, passes later ones (scan on 2026-01-01)', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'lambda.functions': functions }, { collectedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const old = findingFor(findings, 'old-python');
    expect(old.status).toBe('fail');
    expect(old.message.en).toContain('2025-12-15');
    const node20 = findingFor(findings, 'node20');
    expect(node20.status).toBe('warning');
    expect(node20.details?.daysUntilDeprecation).toBe(119);
    expect(findingFor(findings, 'node22').status).toBe('pass');
    expect(findingFor(findings, 'py312').status).toBe('pass');
    expect(findingFor(findings, 'image').status).toBe('not_applicable');
    expect(findingFor(findings, 'cobol').status).toBe('unknown');
  });

  it('moves with the scan date: nodejs20.x fails after 2026-04-30, nodejs22.x warns from 2027-01', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({ 'lambda.functions': functions }, { collectedAt: '2027-01-15T00:00:00.000Z' }),
    );
    expect(findingFor(findings, 'node20').status).toBe('fail');
    expect(findingFor(findings, 'node22').status).toBe('warning');
  });

  it('honours the warning window setting', () => {
    const snapshot = fixtureSnapshot(
      { 'lambda.functions': functions },
      { collectedAt: '2026-01-01T00:00:00.000Z' },
    );
    expect(findingFor(evaluate(check, snapshot, { warningDays: 30 }), 'node20').status).toBe('pass');
  });
});
