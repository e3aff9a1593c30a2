/**
 * The benchmark account (scale 1): 2,000 instances, ~3,100 volumes, 320 snapshots, 200 buckets,
 * 150 functions, 40 databases and 150 users over 4 regions, with 14 days of daily EC2 metrics.
 * Shared by bench/collect.ts (the runner alone) and bench/scan-memory.ts (the `scan` command).
 */
import { execFileSync } from 'node:child_process';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { createBucketIn, putMetrics, times } from '../scripts/demo-seed-aws.js';

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-2'];
export const ACCOUNT = '123456789012';
export const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const PER_REGION = {
  instances: 500,
  extraVolumes: 275,
  snapshots: 80,
  buckets: 50,
  functions: 38,
  databases: 10,
};
const USERS = 150;
const METRIC_DAYS = 14;

function lambdaZip(): Uint8Array {
  const script =
    'import zipfile,io,base64,sys\nb=io.BytesIO()\nz=zipfile.ZipFile(b,"w")\nz.writestr("index.py","def handler(e,c):\\n  return 1\\n")\nz.close()\nsys.stdout.write(base64.b64encode(b.getvalue()).decode())';
  return Buffer.from(execFileSync('python3', ['-c', script], { encoding: 'utf8' }), 'base64');
}

async function seedRegion(endpoint: string, region: string, roleArn: string, zip: Uint8Array): Promise<void> {
  const config = { region, endpoint, credentials, maxAttempts: 3 };
  const ec2 = new EC2Client(config);
  const instanceIds: string[] = [];
  await times(PER_REGION.instances / 50, async () => {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 50,
        MaxCount: 50,
      }),
    );
    for (const i of run.Instances ?? []) if (i.InstanceId) instanceIds.push(i.InstanceId);
  });
  const volumeIds = await times(PER_REGION.extraVolumes, async (i) => {
    const v = await ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${region}a`,
        Size: 10 + (i % 50),
        VolumeType: i % 2 ? 'gp2' : 'gp3',
      }),
    );
    return v.VolumeId ?? '';
  });
  await times(PER_REGION.snapshots, (i) =>
    ec2.send(new CreateSnapshotCommand({ VolumeId: volumeIds[i % volumeIds.length] })),
  );
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await times(PER_REGION.buckets, (i) => createBucketIn(s3, `bench-${region}-${i}`, region));
  const lambda = new LambdaClient(config);
  await times(PER_REGION.functions, (i) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: `bench-fn-${i}`,
        Runtime: 'python3.12',
        Role: roleArn,
        Handler: 'index.handler',
        Code: { ZipFile: zip },
      }),
    ),
  );
  const rds = new RDSClient(config);
  await times(PER_REGION.databases, (i) =>
    rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: `bench-db-${i}`,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: 'admin',
        MasterUserPassword: 'not-a-secret-123',
        AllocatedStorage: 20,
      }),
    ),
  );
  // 14 daily datapoints × 3 metrics per instance, 1,000 datums per PutMetricData.
  const now = Date.now();
  const datums: MetricDatum[] = [];
  for (const [n, id] of instanceIds.entries()) {
    for (let day = 0; day < METRIC_DAYS; day++) {
      const Timestamp = new Date(now - (day + 0.5) * 86_400_000);
      const Dimensions = [{ Name: 'InstanceId', Value: id }];
      datums.push({ MetricName: 'CPUUtilization', Dimensions, Timestamp, Value: (n * 7 + day) % 100 });
      datums.push({ MetricName: 'NetworkIn', Dimensions, Timestamp, Value: n * 1000 + day });
      datums.push({ MetricName: 'NetworkOut', Dimensions, Timestamp, Value: n * 500 + day });
    }
  }
  await putMetrics({ endpoint, credentials }, region, 'AWS/EC2', datums);
}

/** Seeds the whole benchmark account into the emulator at `endpoint`. */
export async function seedBenchAccount(endpoint: string): Promise<void> {
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials });
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'bench-lambda',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    }),
  );
  await times(USERS, (i) => iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` })));
  const zip = lambdaZip();
  for (const region of REGIONS) await seedRegion(endpoint, region, role.Role?.Arn ?? '', zip);
  iam.destroy();
}
