/**
 * Demo seeding for CloudTrail, AWS Config, GuardDuty and the CloudWatch monitoring alarms: the home
 * region is guarded (a hardened multi-region trail with one alarmed metric filter, a recording Config
 * recorder, an enabled GuardDuty detector), every other region is not (a bare trail that logs to a
 * public bucket, a stopped recorder, a suspended detector), so each service shows
 * both passes and failures. Buckets come from seedS3Region (run it first for the same region).
 */
import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

const TRAIL_LOG_GROUP = '/demo/cloudtrail';
const ROOT_ACTIVITY_PATTERN =
  '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';

/** The bucket names seedS3Region creates: `archive` is private, `logs` has a public-read ACL. */
const bucket = (what: 'archive' | 'logs', region: string, accountId: string) =>
  `demo-${what}-${region}-${accountId}`;

/** The home region's account-wide trail, sending to CloudWatch Logs, with an alarm on root activity only. */
async function seedHomeTrail(target: EmulatorTarget, region: string, accountId: string): Promise<void> {
  const config = emulatorClientConfig(target, region);
  const logs = new CloudWatchLogsClient(config);
  await logs.send(new CreateLogGroupCommand({ logGroupName: TRAIL_LOG_GROUP }));
  const trails = new CloudTrailClient(config);
  await trails.send(
    new CreateTrailCommand({
      Name: 'demo-organization-trail',
      S3BucketName: bucket('archive', region, accountId),
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: `arn:aws:kms:${region}:${accountId}:key/00000000-0000-4000-8000-000000000001`,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:${accountId}:log-group:${TRAIL_LOG_GROUP}:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${accountId}:role/demo-cloudtrail-to-logs`,
    }),
  );
  await trails.send(new StartLoggingCommand({ Name: 'demo-organization-trail' }));
  await trails.send(
    new PutEventSelectorsCommand({
      TrailName: 'demo-organization-trail',
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
    }),
  );
  await logs.send(
    new PutMetricFilterCommand({
      logGroupName: TRAIL_LOG_GROUP,
      filterName: 'demo-root-activity',
      filterPattern: ROOT_ACTIVITY_PATTERN,
      metricTransformations: [
        { metricName: 'RootActivity', metricNamespace: 'CISBenchmark', metricValue: '1' },
      ],
    }),
  );
  const cloudwatch = new CloudWatchClient(config);
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: 'demo-root-activity',
      MetricName: 'RootActivity',
      Namespace: 'CISBenchmark',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [`arn:aws:sns:${region}:${accountId}:demo-alerts`],
    }),
  );
  for (const client of [logs, trails, cloudwatch]) client.destroy();
}

/** A single-region trail with none of the hardening, logging to the region's public bucket. */
async function seedBareTrail(target: EmulatorTarget, region: string, accountId: string): Promise<void> {
  const trails = new CloudTrailClient(emulatorClientConfig(target, region));
  await trails.send(
    new CreateTrailCommand({
      Name: `demo-legacy-trail-${region}`,
      S3BucketName: bucket('logs', region, accountId),
    }),
  );
  trails.destroy();
}

async function seedConfigRecorder(
  target: EmulatorTarget,
  region: string,
  accountId: string,
  recording: boolean,
): Promise<void> {
  const config = new ConfigServiceClient(emulatorClientConfig(target, region));
  await config.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'default',
        roleARN: `arn:aws:iam::${accountId}:role/demo-config-recorder`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    }),
  );
  if (recording) {
    await config.send(
      new PutDeliveryChannelCommand({
        DeliveryChannel: { name: 'default', s3BucketName: bucket('archive', region, accountId) },
      }),
    );
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
  }
  config.destroy();
}

/** One region's guardrails: all on in the `home` region; elsewhere a stopped recorder and a suspended detector. */
export async function seedGuardrailsRegion(
  target: EmulatorTarget,
  region: string,
  accountId: string,
  home: boolean,
): Promise<void> {
  if (home) {
    await seedHomeTrail(target, region, accountId);
  } else {
    await seedBareTrail(target, region, accountId);
  }
  await seedConfigRecorder(target, region, accountId, home);
  const guardduty = new GuardDutyClient(emulatorClientConfig(target, region));
  await guardduty.send(new CreateDetectorCommand({ Enable: home }));
  guardduty.destroy();
}
