import { describe, expect, it } from 'vitest';
import type { LambdaFunction } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-code-signing.js';

const fn = (functionName: string, extra: Partial<LambdaFunction> = {}): LambdaFunction => ({
  region: 'eu-central-1',
  functionName,
  arn: `arn:aws:lambda:eu-central-1:123456789012:function:${functionName}`,
  runtime: 'python3.12',
  packageType: 'Zip',
  memoryMb: 128,
  timeoutSeconds: 3,
  architectures: ['arm64'],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
  codeSigningConfigArn: null,
  ...extra,
});

describe('lambda-function-code-signing', () => {
  it('passes with a code signing config, fails without, not applicable for images', () => {
    const csc = 'arn:aws:lambda:eu-central-1:123456789012:code-signing-config:csc-1';
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [
          fn('signed', { codeSigningConfigArn: csc }),
          fn('unsigned'),
          fn('image', { packageType: 'Image', runtime: undefined }),
        ],
      }),
    );
    expect(findingFor(findings, 'signed').status).toBe('pass');
    expect(findingFor(findings, 'unsigned').status).toBe('fail');
    expect(findingFor(findings, 'image').status).toBe('not_applicable');
  });

  it('is unknown when GetFunctionCodeSigningConfig was denied', () => {
    const denied = fn('denied', {
      codeSigningConfigArn: undefined,
      fieldErrors: {
        codeSigningConfigArn: {
          operation: 'GetFunctionCodeSigningConfig',
          code: 'AccessDeniedException',
          message: 'x',
        },
      },
    });
    expect(
      findingFor(evaluate(check, fixtureSnapshot({ 'lambda.functions': [denied] })), 'denied').status,
    ).toBe('unknown');
  });
});
