/** End to end for the CloudWatch monitoring checks: trail → log group → metric filter → alarm, on the emulator. */
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
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { E2E_ACCOUNT_ID as ACCOUNT_ID, advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

async function seed(): Promise<void> {
  const region = motoClientConfig('us-east-1');
  await new S3Client(region).send(new CreateBucketCommand({ Bucket: 'e2e-cw-trail' }));
  const logs = new CloudWatchLogsClient(region);
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'trail' }));
  const trails = new CloudTrailClient(region);
  await trails.send(
    new CreateTrailCommand({
      Name: 'main',
      S3BucketName: 'e2e-cw-trail',
      IsMultiRegionTrail: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:trail:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/trail-to-logs`,
    }),
  );
  await trails.send(new StartLoggingCommand({ Name: 'main' }));
  await trails.send(
    new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All' }] }),
  );
  const watch = async (name: string, pattern: string, actions: string[]) => {
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: 'trail',
        filterName: name,
        filterPattern: pattern,
        metricTransformations: [{ metricName: name, metricNamespace: 'CIS', metricValue: '1' }],
      }),
    );
    await new CloudWatchClient(region).send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        MetricName: name,
        Namespace: 'CIS',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: actions,
      }),
    );
  };
  const sns = [`arn:aws:sns:us-east-1:${ACCOUNT_ID}:ops`];
  await watch(
    'root',
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    sns,
  );
  await watch('no-mfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }', []);
}

describe('CloudWatch monitoring checks end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, {
    collect: ['cloudwatch', 'cloudtrail'],
    advise: ['cloudwatch'],
  });

  it('passes the alarmed root filter, fails the action-less and missing ones', () => {
    expect(findings().filter((f) => f.status === 'unknown')).toEqual([]);
    expect(statuses('cloudwatch-alarm-root-usage', ACCOUNT_ID)).toEqual(['pass']);
    expect(statuses('cloudwatch-alarm-console-signin-without-mfa', ACCOUNT_ID)).toEqual(['fail']);
    expect(statuses('cloudwatch-alarm-unauthorized-api-calls', ACCOUNT_ID)).toEqual(['fail']);
    expect(statuses('cloudwatch-alarm-iam-policy-changes', ACCOUNT_ID)).toEqual(['fail']);
    expect(statuses('cloudwatch-alarm-security-group-changes', ACCOUNT_ID)).toEqual(['fail']);
  });
});
