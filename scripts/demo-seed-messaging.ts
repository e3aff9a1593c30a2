/**
 * Demo seeding for CloudWatch Logs, SNS and SQS: one resource in the desired state and one not,
 * so the advisor shows both passes and failures for each service.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type EmulatorTarget, emulatorClientConfig } from './demo-seed-aws.js';

export async function seedMessagingRegion(target: EmulatorTarget, region: string): Promise<void> {
  const logs = new CloudWatchLogsClient(emulatorClientConfig(target, region));
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/demo/orders-api' }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/demo/orders-api', retentionInDays: 30 }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: '/demo/legacy-batch' }));

  const sns = new SNSClient(emulatorClientConfig(target, region));
  await sns.send(new CreateTopicCommand({ Name: 'demo-alerts' }));
  await sns.send(
    new CreateTopicCommand({ Name: 'demo-billing', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }),
  );

  const sqs = new SQSClient(emulatorClientConfig(target, region));
  await sqs.send(
    new CreateQueueCommand({ QueueName: 'demo-jobs', Attributes: { SqsManagedSseEnabled: 'true' } }),
  );
  await sqs.send(
    new CreateQueueCommand({ QueueName: 'demo-legacy-jobs', Attributes: { SqsManagedSseEnabled: 'false' } }),
  );
}
