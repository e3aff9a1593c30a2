/**
 * End to end for Lambda: seed functions, CloudWatch metrics and REPORT log lines in the emulator,
 * collect with the real runner, advise with the real engine.
 */
import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const REGION = 'us-east-1';
const NOW = new Date();
const DAY_MS = 86_400_000;
/** The smallest valid zip archive (an empty one): moto stores it without running anything. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

async function seedFunctions(): Promise<void> {
  const iam = new IAMClient(motoClientConfig());
  const trust = '{"Version":"2012-10-17","Statement":[]}';
  await iam.send(new CreateRoleCommand({ RoleName: 'exec', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: 'exec',
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'scoped', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'scoped',
      PolicyName: 'logs',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
        ],
      }),
    }),
  );
  const lambda = new LambdaClient(motoClientConfig(REGION));
  const create = (name: string, runtime: string, memory: number, timeout: number, role = 'exec') =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime as 'python3.13',
        Role: `arn:aws:iam::${ACCOUNT_ID}:role/${role}`,
        Handler: 'app.handler',
        Code: { ZipFile: EMPTY_ZIP },
        MemorySize: memory,
        Timeout: timeout,
      }),
    );
  await create('fat', 'python3.13', 1024, 3);
  await create('legacy', 'python3.9', 128, 900);
  await create('public', 'python3.13', 128, 3, 'scoped');
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'public',
      StatementId: 'anyone',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
    }),
  );
  iam.destroy();
  lambda.destroy();
}

async function seedMetricsAndLogs(): Promise<void> {
  const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY_MS);
  const datum = (
    fn: string,
    name: string,
    value: number,
    daysAgo: number,
    unit: 'Count' | 'Milliseconds',
  ): MetricDatum => ({
    MetricName: name,
    Dimensions: [{ Name: 'FunctionName', Value: fn }],
    Timestamp: at(daysAgo),
    Value: value,
    Unit: unit,
  });
  const data: MetricDatum[] = [1, 2, 3].flatMap((d) => [
    datum('fat', 'Invocations', 1_000_000, d, 'Count'),
    datum('fat', 'Duration', 200, d, 'Milliseconds'),
    datum('legacy', 'Invocations', 10, d, 'Count'),
    datum('legacy', 'Duration', 1000, d, 'Milliseconds'),
  ]);
  data.push(datum('fat', 'Errors', 600_000, 1, 'Count'));
  const cloudwatch = new CloudWatchClient({ ...motoClientConfig(REGION), disableRequestCompression: true });
  await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: data }));
  cloudwatch.destroy();

  const logs = new CloudWatchLogsClient(motoClientConfig(REGION));
  const logGroupName = '/aws/lambda/fat';
  await logs.send(new CreateLogGroupCommand({ logGroupName }));
  await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 's' }));
  const report = (used: number) =>
    `REPORT RequestId: 1a2b\tDuration: 200.00 ms\tBilled Duration: 200 ms\tMemory Size: 1024 MB\tMax Memory Used: ${used} MB\t`;
  await logs.send(
    new PutLogEventsCommand({
      logGroupName,
      logStreamName: 's',
      logEvents: [
        { timestamp: at(2).getTime(), message: report(90) },
        { timestamp: at(1).getTime(), message: report(100) },
      ],
    }),
  );
  logs.destroy();
}

describe('Lambda advisor end to end (moto → runner → engine)', () => {
  const { of } = advisedAccount(
    async () => {
      await seedFunctions();
      await seedMetricsAndLogs();
    },
    // IAM too: the execution-role check reads iam.roles and iam.policies.
    { collect: ['lambda', 'iam'], advise: ['lambda'], regions: [REGION], now: NOW },
  );

  it('flags the deprecated runtime and the public function', () => {
    expect(of('lambda-function-runtime-supported', 'legacy').status).toBe('fail');
    expect(of('lambda-function-runtime-supported', 'fat').status).toBe('pass');
    expect(of('lambda-function-not-public', 'public').status).toBe('fail');
    expect(of('lambda-function-not-public', 'fat').status).toBe('pass');
    for (const fn of ['fat', 'legacy', 'public'])
      expect(of('lambda-function-code-signing', fn).status).toBe('fail');
  });

  it('right-sizes memory from REPORT lines with savings from Invocations × Duration', () => {
    const fat = of('lambda-function-memory-right-sized', 'fat');
    expect(fat.status).toBe('fail');
    expect(fat.details?.maxMemoryUsedMb).toBe(100);
    expect(fat.details?.recommendedMemoryMb).toBe(128);
    // 3e6 invocations × 0.2 s × 30.4/7 × (1024 − 128)/1024 GB × 0.0000166667 USD/GB-s ≈ 38.00 USD
    expect(fat.estimatedMonthlySavingsUsd).toBeCloseTo(38.0, 1);
    expect(of('lambda-function-memory-right-sized', 'legacy').status).toBe('unknown');
  });

  it('reads error rate and timeout from the CloudWatch metrics', () => {
    expect(of('lambda-function-error-rate', 'fat').status).toBe('fail');
    expect(of('lambda-function-error-rate', 'legacy').status).toBe('pass');
    expect(of('lambda-function-error-rate', 'public').status).toBe('not_applicable');
    expect(of('lambda-function-timeout-appropriate', 'fat').status).toBe('pass');
    expect(of('lambda-function-timeout-appropriate', 'legacy').status).toBe('warning');
    expect(of('lambda-function-timeout-appropriate', 'public').status).toBe('unknown');
  });

  it('resolves the execution role: AdministratorAccess fails, a scoped inline policy passes', () => {
    const fat = of('lambda-function-role-least-privilege', 'fat');
    expect(fat.status).toBe('fail');
    expect(fat.message.en).toContain('AdministratorAccess');
    expect(of('lambda-function-role-least-privilege', 'legacy').status).toBe('fail');
    expect(of('lambda-function-role-least-privilege', 'public').status).toBe('pass');
  });
});
