import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { ec2InstanceMetricsCollector } from '../../src/collectors/ec2/instance-metrics.js';
import { instancesCollector } from '../../src/collectors/ec2/instances.js';
import { lambdaFunctionMetricsCollector } from '../../src/collectors/lambda/function-metrics.js';
import { rdsInstanceMetricsCollector } from '../../src/collectors/rds/instance-metrics.js';
import { createRunCollection } from '../../src/collectors/runner.js';
import { type Collector, defineCollector } from '../../src/collectors/types.js';
import type { RunCollectionResult } from '../../src/core/collection-run.js';
import type { RecordKinds } from '../../src/core/records.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const A = 'us-east-1';
const B = 'eu-central-1';
const NOW = new Date();
const DAY = 86_400_000;
const midnight = (daysAgo: number) =>
  new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate() - daysAgo));
const noon = (daysAgo: number) => new Date(midnight(daysAgo).getTime() + DAY / 2);

// The RDS and Lambda inventories belong to other collectors; these stand-ins yield the ids the
// metric collectors read through ctx.dependency, so only the metric side is under test here.
const rdsInventory = defineCollector({
  id: 'rds.instances',
  async *collect(ctx) {
    if (ctx.region !== A) return;
    yield {
      region: ctx.region,
      dbInstanceIdentifier: 'orders-db',
      arn: `arn:aws:rds:${ctx.region}:123456789012:db:orders-db`,
      dbInstanceClass: 'db.t3.micro',
      engine: 'mysql',
      multiAZ: false,
      publiclyAccessible: false,
      storageEncrypted: true,
      backupRetentionPeriod: 7,
      deletionProtection: false,
      autoMinorVersionUpgrade: true,
      vpcSecurityGroupIds: [],
      tags: [],
    };
  },
});
const lambdaInventory = defineCollector({
  id: 'lambda.functions',
  async *collect(ctx) {
    yield {
      region: ctx.region,
      functionName: `fn-${ctx.region}`,
      arn: `arn:aws:lambda:${ctx.region}:123456789012:function:fn-${ctx.region}`,
      packageType: 'Zip',
      memoryMb: 128,
      timeoutSeconds: 3,
      architectures: ['x86_64'],
      role: 'arn:aws:iam::123456789012:role/r',
      layers: [],
      environmentVariableNames: [],
    };
  },
});

const collectors: Collector[] = [
  instancesCollector,
  ec2InstanceMetricsCollector,
  rdsInventory,
  rdsInstanceMetricsCollector,
  lambdaInventory,
  lambdaFunctionMetricsCollector,
] as Collector[];

function datum(name: string, id: { Name: string; Value: string }[], at: Date, values: number[]): MetricDatum {
  return { MetricName: name, Dimensions: id, Timestamp: at, Values: values };
}

describe('CloudWatch metric collectors against the emulator', () => {
  let withAgent = '';
  let withoutAgent = '';
  let instanceB = '';
  let result: RunCollectionResult;

  beforeAll(async () => {
    await resetMoto();
    const ec2 = new EC2Client(motoClientConfig(A));
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
      }),
    );
    withAgent = run.Instances?.[0]?.InstanceId ?? '';
    withoutAgent = run.Instances?.[1]?.InstanceId ?? '';
    const runB = await new EC2Client(motoClientConfig(B)).send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    instanceB = runB.Instances?.[0]?.InstanceId ?? '';

    // Seeding bodies exceed 10 KB quickly: the emulator mis-handles compressed PutMetricData.
    const cw = new CloudWatchClient({ ...motoClientConfig(A), disableRequestCompression: true });
    const cwB = new CloudWatchClient({ ...motoClientConfig(B), disableRequestCompression: true });
    const dims = (id: string) => [{ Name: 'InstanceId', Value: id }];
    const ec2Data: MetricDatum[] = [];
    for (const [daysAgo, cpu] of [
      [3, [10, 30]],
      [2, [50, 70, 90]],
      [20, [99]], // outside the 14-day window: must not be read
    ] as const) {
      ec2Data.push(datum('CPUUtilization', dims(withAgent), noon(daysAgo), [...cpu]));
      ec2Data.push(datum('NetworkIn', dims(withAgent), noon(daysAgo), [1000, 2000]));
    }
    ec2Data.push(datum('NetworkOut', dims(withoutAgent), noon(1), [5, 6, 7]));
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: ec2Data }));
    await cwB.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/EC2',
        MetricData: [datum('CPUUtilization', dims(instanceB), noon(1), [42])],
      }),
    );
    const agentDims = [...dims(withAgent), { Name: 'InstanceType', Value: 't3.micro' }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'CWAgent',
        MetricData: [datum('mem_used_percent', agentDims, noon(1), [40, 80])],
      }),
    );
    const db = [{ Name: 'DBInstanceIdentifier', Value: 'orders-db' }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/RDS',
        MetricData: [
          datum('CPUUtilization', db, noon(4), [20, 40]),
          datum('DatabaseConnections', db, noon(4), [3, 12]),
        ],
      }),
    );
    const fn = [{ Name: 'FunctionName', Value: `fn-${A}` }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Lambda',
        MetricData: [
          datum('Invocations', fn, noon(1), [1, 1, 1]),
          datum('Errors', fn, noon(1), [1]),
          datum('Duration', fn, noon(1), [100, 300]),
          datum('Invocations', fn, noon(9), [5]), // outside Lambda's 7-day window
        ],
      }),
    );

    result = await createRunCollection({ collectors })({
      credentials: testCredentials,
      accountId: '123456789012',
      endpoint: motoEndpoint(),
      now: NOW,
      request: { services: ['ec2', 'rds', 'lambda'], regions: [A, B] },
    });
  });

  const data = <K extends keyof RecordKinds>(id: K): RecordKinds[K][] =>
    result.documents.flatMap((d) => (d.data[id] ?? []) as RecordKinds[K][]);
  const day = (daysAgo: number) => midnight(daysAgo).toISOString();

  it('reads EC2 CPU, network and CWAgent memory back exactly, within the 14-day window', () => {
    expect(result.outcome.errors).toEqual([]);
    const byId = new Map(data('ec2.instance-metrics').map((m) => [m.instanceId, m]));
    const agent = byId.get(withAgent);
    expect(agent?.cpuDailyAverage).toEqual([
      { t: day(3), v: 20 },
      { t: day(2), v: 70 },
    ]);
    expect(agent?.cpuDailyMaximum).toEqual([
      { t: day(3), v: 30 },
      { t: day(2), v: 90 },
    ]);
    expect(agent?.networkInDailySum).toEqual([
      { t: day(3), v: 3000 },
      { t: day(2), v: 3000 },
    ]);
    expect(agent?.memUsedDailyAverage).toEqual([{ t: day(1), v: 60 }]);
    expect(agent?.memUsedDailyMaximum).toEqual([{ t: day(1), v: 80 }]);
    const plain = byId.get(withoutAgent);
    expect(plain?.networkOutDailySum).toEqual([{ t: day(1), v: 18 }]);
    expect(plain?.memUsedDailyAverage).toEqual([]);
    expect(plain?.memUsedDailyMaximum).toBeUndefined();
    expect(byId.get(instanceB)).toMatchObject({ region: B, cpuDailyAverage: [{ t: day(1), v: 42 }] });
  });

  it('reads RDS and Lambda metrics, Lambda over 7 days only', () => {
    expect(data('rds.instance-metrics')).toEqual([
      {
        region: A,
        dbInstanceIdentifier: 'orders-db',
        cpuDailyAverage: [{ t: day(4), v: 30 }],
        cpuDailyMaximum: [{ t: day(4), v: 40 }],
        connectionsDailyMaximum: [{ t: day(4), v: 12 }],
      },
    ]);
    const fn = data('lambda.function-metrics').find((m) => m.region === A);
    expect(fn).toEqual({
      region: A,
      functionName: `fn-${A}`,
      invocationsDailySum: [{ t: day(1), v: 3 }],
      errorsDailySum: [{ t: day(1), v: 1 }],
      durationDailyMaximum: [{ t: day(1), v: 300 }],
      durationDailyAverage: [{ t: day(1), v: 200 }],
    });
    expect(data('lambda.function-metrics').find((m) => m.region === B)?.invocationsDailySum).toEqual([]);
  });

  it('batches queries: one GetMetricData per metric collector and region, one ListMetrics per region', () => {
    const calls = result.outcome.apiCalls ?? {};
    expect(calls['CloudWatch.ListMetrics']).toBe(2);
    // ec2 ×2 regions, lambda ×2 regions, rds ×1 (region B has no database, so no call).
    expect(calls['CloudWatch.GetMetricData']).toBe(5);
  });
});
