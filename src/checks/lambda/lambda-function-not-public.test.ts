import { describe, expect, it } from 'vitest';
import type { LambdaFunction, PolicyStatement } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './lambda-function-not-public.js';

const fn = (
  functionName: string,
  statements: PolicyStatement[] | null | undefined,
  extra: Partial<LambdaFunction> = {},
): LambdaFunction => ({
  region: 'us-east-1',
  functionName,
  arn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  runtime: 'nodejs22.x',
  packageType: 'Zip',
  memoryMb: 128,
  timeoutSeconds: 3,
  architectures: ['x86_64'],
  role: 'arn:aws:iam::123456789012:role/r',
  layers: [],
  environmentVariableNames: [],
  resourcePolicy:
    statements === null || statements === undefined
      ? statements
      : { Version: '2012-10-17', Statement: statements },
  ...extra,
});
const invoke = (extra: Partial<PolicyStatement>): PolicyStatement => ({
  Sid: 'invoke',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:x',
  ...extra,
});

describe('lambda-function-not-public', () => {
  it('fails principal * without a restricting condition and passes when one is present', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'lambda.functions': [
          fn('open', [invoke({})]),
          fn('url', [
            invoke({
              Action: 'lambda:InvokeFunctionUrl',
              Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
            }),
          ]),
          fn('s3-source', [
            invoke({
              Principal: { Service: 's3.amazonaws.com' },
              Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } },
            }),
          ]),
          fn('star-with-account', [
            invoke({ Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' } } }),
          ]),
          fn('star-with-ip', [invoke({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })]),
          fn('none', null),
        ],
      }),
    );
    expect(findingFor(findings, 'open').status).toBe('fail');
    expect(findingFor(findings, 'open').message.en).toContain('invoke');
    expect(findingFor(findings, 'url').status).toBe('fail');
    expect(findingFor(findings, 's3-source').status).toBe('pass');
    expect(findingFor(findings, 'star-with-account').status).toBe('pass');
    // CHECKS.md lists only SourceArn / SourceAccount / PrincipalOrgID for Lambda.
    expect(findingFor(findings, 'star-with-ip').status).toBe('fail');
    expect(findingFor(findings, 'none').status).toBe('pass');
  });

  it('is unknown when GetPolicy was denied', () => {
    const denied = fn('denied', undefined, {
      fieldErrors: {
        resourcePolicy: { operation: 'GetPolicy', code: 'AccessDeniedException', message: 'x' },
      },
    });
    expect(
      findingFor(evaluate(check, fixtureSnapshot({ 'lambda.functions': [denied] })), 'denied').status,
    ).toBe('unknown');
  });
});
