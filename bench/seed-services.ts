/**
 * The part-2 services of the benchmark account: per region, the demo's pass/fail resources of every
 * part-2 check (scripts/demo-seed-*.ts, once) plus `batch` slices of bulk resources at a mid-size
 * scale (topics, queues, log groups, keys, tables, file systems, repositories, secrets, certificates,
 * load balancers, VPCs, alarms, metric filters; roles and customer policies in IAM). Each slice adds
 * the same numbers again under new names, so the benchmark can compare the calls at N and 2N.
 */
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import {
  CreateLoadBalancerCommand as CreateClassicCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type EmulatorTarget, emulatorClientConfig, times } from '../scripts/demo-seed-aws.js';
import { seedGuardrailsRegion } from '../scripts/demo-seed-guardrails.js';
import { seedIam } from '../scripts/demo-seed-iam.js';
import { seedIamAdditions } from '../scripts/demo-seed-iam-additions.js';
import { seedMessagingRegion } from '../scripts/demo-seed-messaging.js';
import { type SeededNetwork, seedElbRegion, seedNetworkRegion } from '../scripts/demo-seed-network.js';
import { seedS3Region } from '../scripts/demo-seed-services.js';
import { seedStoreRegion } from '../scripts/demo-seed-store.js';

/** One slice of bulk resources per region (mid-size: a team account, not an enterprise). */
export const SLICE_PER_REGION = {
  topics: 60,
  queues: 60,
  logGroups: 100,
  keys: 30,
  tables: 30,
  fileSystems: 10,
  repositories: 30,
  secrets: 60,
  certificates: 30,
  applicationLoadBalancers: 6,
  classicLoadBalancers: 4,
  vpcs: 3,
  alarms: 40,
  metricFilters: 20,
} as const;
/** One slice of global IAM resources. */
export const SLICE_GLOBAL = { roles: 60, customerPolicies: 30 } as const;

const TRUST_EC2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The demo's part-2 resources of one region (one passing and one failing per check). */
async function seedDemoPart2(
  target: EmulatorTarget,
  region: string,
  accountId: string,
  home: boolean,
  now: Date,
): Promise<SeededNetwork> {
  await seedS3Region(target, region, accountId); // the trails' buckets
  await seedMessagingRegion(target, region);
  await seedGuardrailsRegion(target, region, accountId, home);
  const network = await seedNetworkRegion(target, region, now);
  await seedElbRegion(target, region, accountId, network, now);
  await seedStoreRegion(target, region, now);
  return network;
}

/** Every other resource in its desired state, so checks see both outcomes at scale too. */
const odd = (i: number) => i % 2 === 1;

async function seedMessagingSlice(target: EmulatorTarget, region: string, tag: string): Promise<void> {
  const config = emulatorClientConfig(target, region);
  const sns = new SNSClient(config);
  await times(SLICE_PER_REGION.topics, (i) =>
    sns.send(
      new CreateTopicCommand({
        Name: `bench-${tag}-topic-${i}`,
        ...(odd(i) ? { Attributes: { KmsMasterKeyId: 'alias/aws/sns' } } : {}),
      }),
    ),
  );
  const sqs = new SQSClient(config);
  await times(SLICE_PER_REGION.queues, (i) =>
    sqs.send(
      new CreateQueueCommand({
        QueueName: `bench-${tag}-queue-${i}`,
        Attributes: { SqsManagedSseEnabled: String(odd(i)) },
      }),
    ),
  );
  const logs = new CloudWatchLogsClient(config);
  await times(SLICE_PER_REGION.logGroups, (i) =>
    logs.send(new CreateLogGroupCommand({ logGroupName: `/bench/${tag}/app-${i}` })),
  );
  await times(SLICE_PER_REGION.metricFilters, (i) =>
    logs.send(
      new PutMetricFilterCommand({
        logGroupName: `/bench/${tag}/app-${i}`,
        filterName: `bench-${tag}-errors-${i}`,
        filterPattern: 'ERROR',
        metricTransformations: [{ metricName: `Errors${i}`, metricNamespace: 'Bench', metricValue: '1' }],
      }),
    ),
  );
  const cloudwatch = new CloudWatchClient(config);
  await times(SLICE_PER_REGION.alarms, (i) =>
    cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: `bench-${tag}-alarm-${i}`,
        MetricName: `Errors${i}`,
        Namespace: 'Bench',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ),
  );
  for (const client of [sns, sqs, logs, cloudwatch]) client.destroy();
}

async function seedStoreSlice(target: EmulatorTarget, region: string, tag: string): Promise<void> {
  const config = emulatorClientConfig(target, region);
  const kms = new KMSClient(config);
  await times(SLICE_PER_REGION.keys, async (i) => {
    const key = await kms.send(new CreateKeyCommand({ Description: `bench ${tag} ${i}` }));
    if (odd(i) && key.KeyMetadata?.KeyId)
      await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata.KeyId }));
  });
  const ddb = new DynamoDBClient(config);
  await times(SLICE_PER_REGION.tables, (i) =>
    ddb.send(
      new CreateTableCommand({
        TableName: `bench-${tag}-table-${i}`,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: odd(i),
      }),
    ),
  );
  const efs = new EFSClient(config);
  await times(SLICE_PER_REGION.fileSystems, (i) =>
    efs.send(new CreateFileSystemCommand({ CreationToken: `bench-${tag}-fs-${i}`, Encrypted: odd(i) })),
  );
  const ecr = new ECRClient(config);
  await times(SLICE_PER_REGION.repositories, (i) =>
    ecr.send(
      new CreateRepositoryCommand({
        repositoryName: `bench/${tag}/service-${i}`,
        imageScanningConfiguration: { scanOnPush: odd(i) },
      }),
    ),
  );
  const secrets = new SecretsManagerClient(config);
  await times(SLICE_PER_REGION.secrets, (i) =>
    secrets.send(new CreateSecretCommand({ Name: `bench/${tag}/secret-${i}`, SecretString: 'bench-only' })),
  );
  const acm = new ACMClient(config);
  await times(SLICE_PER_REGION.certificates, (i) =>
    acm.send(new RequestCertificateCommand({ DomainName: `s${i}.${tag}.bench.example.com` })),
  );
  for (const client of [kms, ddb, efs, ecr, secrets, acm]) client.destroy();
}

async function seedNetworkSlice(
  target: EmulatorTarget,
  region: string,
  tag: string,
  network: SeededNetwork,
): Promise<void> {
  const config = emulatorClientConfig(target, region);
  const ec2 = new EC2Client(config);
  // Each VPC brings its default security group and network ACL.
  await times(SLICE_PER_REGION.vpcs, (i) =>
    ec2.send(new CreateVpcCommand({ CidrBlock: `10.${100 + i}.0.0/16` })),
  );
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  await times(
    SLICE_PER_REGION.applicationLoadBalancers,
    async (i) => {
      await elbv2.send(
        new CreateLoadBalancerCommand({
          Name: `bench-${tag}-alb-${i}`,
          Subnets: network.subnetIds,
          SecurityGroups: [network.webGroupId],
          Type: 'application',
        }),
      );
      await elbv2.send(
        new CreateTargetGroupCommand({
          Name: `bench-${tag}-tg-${i}`,
          Protocol: 'HTTP',
          Port: 80,
          VpcId: network.vpcId,
          TargetType: 'instance',
        }),
      );
    },
    4,
  );
  const classic = new ElasticLoadBalancingClient(config);
  await times(SLICE_PER_REGION.classicLoadBalancers, (i) =>
    classic.send(
      new CreateClassicCommand({
        LoadBalancerName: `bench-${tag}-clb-${i}`,
        AvailabilityZones: [network.zones[0]],
        Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }],
      }),
    ),
  );
  for (const client of [ec2, elbv2, classic]) client.destroy();
}

async function seedIamSlice(target: EmulatorTarget, tag: string): Promise<void> {
  const iam = new IAMClient(emulatorClientConfig(target, 'us-east-1'));
  const policies = await times(SLICE_GLOBAL.customerPolicies, async (i) => {
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: `bench-${tag}-policy-${i}`,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: odd(i) ? '*' : 's3:GetObject', Resource: '*' }],
        }),
      }),
    );
    return created.Policy?.Arn ?? '';
  });
  await times(SLICE_GLOBAL.roles, async (i) => {
    const RoleName = `bench-${tag}-role-${i}`;
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: TRUST_EC2 }));
    await iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn: policies[i % policies.length] }));
  });
  iam.destroy();
}

export interface ServicesSeeder {
  /** Adds one more slice of bulk resources in every region (the first call also seeds the demo's). */
  addSlice(): Promise<void>;
  /** Slices seeded so far. */
  slices(): number;
}

/** Seeds the part-2 services of the benchmark account, a slice at a time. */
export function servicesSeeder(
  target: EmulatorTarget,
  regions: readonly string[],
  accountId: string,
): ServicesSeeder {
  const networks = new Map<string, SeededNetwork>();
  let seeded = 0;
  return {
    async addSlice() {
      const now = new Date();
      if (seeded === 0) {
        await seedIam(target, 'AgainConsoleReadOnly');
        await seedIamAdditions(target, accountId);
        for (const region of regions)
          networks.set(region, await seedDemoPart2(target, region, accountId, region === regions[0], now));
      }
      const tag = `s${seeded}`;
      await seedIamSlice(target, tag);
      for (const region of regions) {
        const network = networks.get(region);
        if (!network) throw new Error(`no network seeded in ${region}`);
        await seedMessagingSlice(target, region, tag);
        await seedStoreSlice(target, region, tag);
        await seedNetworkSlice(target, region, tag, network);
      }
      seeded++;
    },
    slices: () => seeded,
  };
}
