/**
 * Demo S3, Lambda and RDS resources that pass and fail the advisor's checks.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  LambdaClient,
  type Runtime,
} from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  createBucketIn,
  EMPTY_ZIP,
  type EmulatorTarget,
  emulatorClientConfig,
  putMetrics,
} from './demo-seed-aws.js';

const DAY_MS = 86_400_000;

/** Buckets: an exposed log bucket (public ACL, no encryption/versioning), a public website, a tidy one. */
export async function seedS3Region(target: EmulatorTarget, region: string, accountId: string): Promise<void> {
  const s3 = new S3Client(emulatorClientConfig(target, region));
  const name = (what: string) => `demo-${what}-${region}-${accountId}`;
  await createBucketIn(s3, name('logs'), region, { ACL: 'public-read' });
  await createBucketIn(s3, name('website'), region);
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: name('website'),
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${name('website')}/*`,
          },
        ],
      }),
    }),
  );
  const secure = name('archive');
  await createBucketIn(s3, secure, region);
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: secure,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: secure, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: secure,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: secure,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: 'tiering',
            Status: 'Enabled',
            Filter: { Prefix: '' },
            Transitions: [{ Days: 0, StorageClass: 'INTELLIGENT_TIERING' }],
          },
        ],
      },
    }),
  );
  s3.destroy();
}

/** Functions: an old runtime with an admin role, an over-provisioned and error-prone one, a public one. */
export async function seedLambdaRegion(
  target: EmulatorTarget,
  region: string,
  accountId: string,
  now: Date,
): Promise<void> {
  const lambda = new LambdaClient(emulatorClientConfig(target, region));
  const create = (name: string, runtime: Runtime, memory: number, timeout: number, role: string) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime,
        Role: `arn:aws:iam::${accountId}:role/${role}`,
        Handler: 'app.handler',
        Code: { ZipFile: EMPTY_ZIP },
        MemorySize: memory,
        Timeout: timeout,
      }),
    );
  await create('demo-legacy-report', 'python3.8', 256, 900, 'demo-lambda-admin');
  await create('demo-thumbnailer', 'nodejs22.x', 2048, 30, 'demo-lambda-basic');
  await create('demo-webhook', 'python3.13', 128, 10, 'demo-lambda-basic');
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'demo-webhook',
      StatementId: 'anyone',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
    }),
  );
  lambda.destroy();

  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const dims = (fn: string) => [{ Name: 'FunctionName', Value: fn }];
  const days = [1, 2, 3, 4, 5, 6];
  await putMetrics(target, region, 'AWS/Lambda', [
    ...days.flatMap((d) => [
      {
        MetricName: 'Invocations',
        Dimensions: dims('demo-thumbnailer'),
        Timestamp: at(d),
        Value: 50_000,
        Unit: 'Count' as const,
      },
      {
        MetricName: 'Errors',
        Dimensions: dims('demo-thumbnailer'),
        Timestamp: at(d),
        Value: d === 2 ? 9_000 : 40,
        Unit: 'Count' as const,
      },
      {
        MetricName: 'Duration',
        Dimensions: dims('demo-thumbnailer'),
        Timestamp: at(d),
        Value: 28_500,
        Unit: 'Milliseconds' as const,
      },
      {
        MetricName: 'Invocations',
        Dimensions: dims('demo-webhook'),
        Timestamp: at(d),
        Value: 1_200,
        Unit: 'Count' as const,
      },
      {
        MetricName: 'Duration',
        Dimensions: dims('demo-webhook'),
        Timestamp: at(d),
        Value: 120,
        Unit: 'Milliseconds' as const,
      },
    ]),
  ]);

  // REPORT lines: the thumbnailer uses ~300 MB of its 2 GB.
  const logs = new CloudWatchLogsClient(emulatorClientConfig(target, region));
  const logGroupName = '/aws/lambda/demo-thumbnailer';
  await logs.send(new CreateLogGroupCommand({ logGroupName }));
  await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: '2024/demo' }));
  const report = (used: number, i: number) =>
    `REPORT RequestId: demo-${i}\tDuration: 2800.00 ms\tBilled Duration: 2800 ms\tMemory Size: 2048 MB\tMax Memory Used: ${used} MB\t`;
  await logs.send(
    new PutLogEventsCommand({
      logGroupName,
      logStreamName: '2024/demo',
      logEvents: days
        .reverse()
        .map((d, i) => ({ timestamp: at(d).getTime(), message: report(260 + i * 8, i) })),
    }),
  );
  logs.destroy();
}

/** Databases: a public, unencrypted one without backups on an old class; a well-kept one. */
export async function seedRdsRegion(target: EmulatorTarget, region: string, now: Date): Promise<void> {
  const rds = new RDSClient(emulatorClientConfig(target, region));
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'demo-orders-db',
      DBInstanceClass: 'db.m4.large',
      Engine: 'mysql',
      AllocatedStorage: 100,
      MasterUsername: 'admin',
      MasterUserPassword: 'demo-not-a-secret-1',
      BackupRetentionPeriod: 0,
      PubliclyAccessible: true,
      StorageEncrypted: false,
      AutoMinorVersionUpgrade: false,
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'demo-users-db',
      DBInstanceClass: 'db.m5.large',
      Engine: 'postgres',
      AllocatedStorage: 50,
      MasterUsername: 'admin',
      MasterUserPassword: 'demo-not-a-secret-2',
      BackupRetentionPeriod: 7,
      StorageEncrypted: true,
      MultiAZ: true,
      DeletionProtection: true,
      AutoMinorVersionUpgrade: true,
    }),
  );
  rds.destroy();
  // Hourly for 7 days: nobody connects to the orders database; the users database is busy.
  const hourly = Array.from({ length: 7 * 24 }, (_, h) => new Date(now.getTime() - (h + 1) * 3_600_000));
  const series = (db: string, cpu: number, connections: number) =>
    hourly.flatMap((Timestamp) => [
      {
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: db }],
        Timestamp,
        Value: cpu,
        Unit: 'Percent' as const,
      },
      {
        MetricName: 'DatabaseConnections',
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: db }],
        Timestamp,
        Value: connections,
        Unit: 'Count' as const,
      },
    ]);
  await putMetrics(target, region, 'AWS/RDS', [
    ...series('demo-orders-db', 3, 0),
    ...series('demo-users-db', 62, 24),
  ]);
}
