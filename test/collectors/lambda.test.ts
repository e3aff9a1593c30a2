import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaFunctions } from '../../src/collectors/lambda/functions.js';
import { lambdaMemoryUsage, summarizeReportLines } from '../../src/collectors/lambda/memory-usage.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness, TEST_ACCOUNT_ID } from './harness.js';

/** The smallest valid zip archive (an empty one): moto stores it without running anything. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
const SECRET_VALUE = 'do-not-collect-4f9a1c';
const NOW = new Date();

async function createFunction(
  region: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await new LambdaClient(motoClientConfig(region)).send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'python3.12',
      Role: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/lambda-exec`,
      Handler: 'app.handler',
      Code: { ZipFile: EMPTY_ZIP },
      ...extra,
    }),
  );
}

function report(ms: number, used: number): string {
  return `REPORT RequestId: 8f5c\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(ms) + 100} ms\tMemory Size: 512 MB\tMax Memory Used: ${used} MB\t`;
}

describe('lambda collectors', () => {
  beforeAll(async () => {
    await resetMoto();
    await new IAMClient(motoClientConfig()).send(
      new CreateRoleCommand({
        RoleName: 'lambda-exec',
        AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
      }),
    );
    await createFunction('us-east-1', 'orders-api', {
      MemorySize: 512,
      Timeout: 30,
      Architectures: ['arm64'],
      Environment: { Variables: { DB_PASSWORD: SECRET_VALUE, TABLE: 'orders' } },
    });
    await createFunction('us-east-1', 'quiet-job');
    await createFunction('eu-west-1', 'public-hook', { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    await new LambdaClient(motoClientConfig('eu-west-1')).send(
      new AddPermissionCommand({
        FunctionName: 'public-hook',
        StatementId: 'anyone',
        Action: 'lambda:InvokeFunction',
        Principal: '*',
      }),
    );

    const logs = new CloudWatchLogsClient(motoClientConfig('us-east-1'));
    const logGroupName = '/aws/lambda/orders-api';
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 's1' }));
    const at = (hoursAgo: number) => NOW.getTime() - hoursAgo * 3600_000;
    await logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName: 's1',
        logEvents: [
          { timestamp: at(9 * 24), message: report(2900, 500) }, // older than 7 days: ignored
          { timestamp: at(30), message: 'START RequestId: 8f5c Version: $LATEST' },
          { timestamp: at(29), message: report(120.5, 180) },
          { timestamp: at(2), message: report(950.25, 210) },
        ],
      }),
    );
  });

  it('collects functions per region with names of environment variables only', async () => {
    const harness = createHarness({ now: NOW });
    const east = await harness.run(lambdaFunctions, 'us-east-1');
    const west = await harness.run(lambdaFunctions, 'eu-west-1');
    expect(east.map((f) => f.functionName).sort()).toEqual(['orders-api', 'quiet-job']);
    expect(west.map((f) => f.functionName)).toEqual(['public-hook']);

    const orders = east.find((f) => f.functionName === 'orders-api')!;
    expect(orders).toMatchObject({
      region: 'us-east-1',
      arn: `arn:aws:lambda:us-east-1:${TEST_ACCOUNT_ID}:function:orders-api`,
      runtime: 'python3.12',
      packageType: 'Zip',
      memoryMb: 512,
      timeoutSeconds: 30,
      architectures: ['arm64'],
      role: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/lambda-exec`,
      environmentVariableNames: ['DB_PASSWORD', 'TABLE'],
      resourcePolicy: null,
      codeSigningConfigArn: null,
    });
    expect(orders.fieldErrors).toBeUndefined();
    expect(JSON.stringify([...east, ...west])).not.toContain(SECRET_VALUE);
    expect(JSON.stringify([...east, ...west])).not.toContain('orders"'); // the TABLE value

    const hook = west[0]!;
    expect(hook.runtime).toBe('nodejs20.x');
    expect(hook.resourcePolicy?.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
    });

    // Per region: one ListFunctions page, then GetPolicy and (moto lacks the account-wide code-signing
    // listing) GetFunctionCodeSigningConfig per function.
    expect(harness.calls.get('ListFunctions')).toBe(2);
    expect(harness.calls.get('GetPolicy')).toBe(3);
    expect(harness.calls.get('GetFunctionCodeSigningConfig')).toBe(3);
  });

  it('records a denied GetPolicy as a field error instead of "no policy"', async () => {
    const harness = createHarness({ deny: ['GetPolicy'] });
    const [hook] = await harness.run(lambdaFunctions, 'eu-west-1');
    expect(hook?.resourcePolicy).toBeUndefined();
    expect(hook?.fieldErrors?.resourcePolicy).toMatchObject({ operation: 'GetPolicy', code: 'AccessDenied' });
    expect(hook?.codeSigningConfigArn).toBeNull();
  });

  it('reads max memory and duration from REPORT lines of the last 7 days', async () => {
    const harness = createHarness({ now: NOW });
    await harness.run(lambdaFunctions, 'us-east-1');
    await harness.run(lambdaFunctions, 'eu-west-1');
    const east = await harness.run(lambdaMemoryUsage, 'us-east-1');
    const west = await harness.run(lambdaMemoryUsage, 'eu-west-1');
    expect(east.find((r) => r.functionName === 'orders-api')).toEqual({
      region: 'us-east-1',
      functionName: 'orders-api',
      invocationsSeen: 2,
      maxMemoryUsedMb: 210,
      memorySizeMb: 512,
      maxDurationMs: 950.25,
    });
    expect(east.find((r) => r.functionName === 'quiet-job')).toEqual({
      region: 'us-east-1',
      functionName: 'quiet-job',
      invocationsSeen: 0,
    });
    expect(west).toEqual([{ region: 'eu-west-1', functionName: 'public-hook', invocationsSeen: 0 }]);
    // One log-group listing per region; events fetched only for the function that has logs.
    expect(harness.calls.get('DescribeLogGroups')).toBe(2);
    expect(harness.calls.get('FilterLogEvents')).toBe(1);
  });

  it('marks memory usage unknown, not zero, when reading the logs fails', async () => {
    const harness = createHarness({ now: NOW, deny: ['FilterLogEvents'] });
    await harness.run(lambdaFunctions, 'us-east-1');
    const records = await harness.run(lambdaMemoryUsage, 'us-east-1');
    const orders = records.find((r) => r.functionName === 'orders-api');
    expect(orders?.maxMemoryUsedMb).toBeUndefined();
    expect(orders?.fieldErrors?.maxMemoryUsedMb).toMatchObject({
      operation: 'FilterLogEvents',
      code: 'AccessDenied',
    });
  });

  it('uses the account-wide code-signing listing when AWS offers it (moto lacks it: answers faked)', async () => {
    const configArn = `arn:aws:lambda:us-east-1:${TEST_ACCOUNT_ID}:code-signing-config:csc-1`;
    const harness = createHarness({
      fake: (operation, input) => {
        if (operation === 'ListCodeSigningConfigs')
          return { CodeSigningConfigs: [{ CodeSigningConfigArn: configArn }] };
        if (operation !== 'ListFunctionsByCodeSigningConfig') return undefined;
        const arns = [`arn:aws:lambda:us-east-1:${TEST_ACCOUNT_ID}:function:orders-api`];
        return { FunctionArns: input.CodeSigningConfigArn === configArn ? arns : [] };
      },
    });
    const records = await harness.run(lambdaFunctions, 'us-east-1');
    expect(records.find((f) => f.functionName === 'orders-api')?.codeSigningConfigArn).toBe(configArn);
    expect(records.find((f) => f.functionName === 'quiet-job')?.codeSigningConfigArn).toBeNull();
    expect(harness.calls.get('GetFunctionCodeSigningConfig')).toBeUndefined();
  });

  it('parses REPORT lines and ignores Billed/Init durations and other lines', () => {
    expect(
      summarizeReportLines([
        'START RequestId: 1 Version: $LATEST',
        'REPORT RequestId: 1\tDuration: 10.5 ms\tBilled Duration: 9000 ms\tMemory Size: 256 MB\tMax Memory Used: 99 MB\tInit Duration: 5000.1 ms',
        'REPORT RequestId: 2 Duration: 40 ms Billed Duration: 41 ms Memory Size: 256 MB Max Memory Used: 80 MB',
      ]),
    ).toEqual({ invocationsSeen: 2, maxMemoryUsedMb: 99, memorySizeMb: 256, maxDurationMs: 40 });
    expect(summarizeReportLines([])).toEqual({ invocationsSeen: 0 });
  });
});
