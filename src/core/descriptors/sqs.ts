/** SQS: queues with their encryption and access policy. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { sqsQueueSchema } from '../records/sqs.js';

const queues = defineCollectorDescriptor({
  id: 'sqs.queues',
  label: { ko: '대기열', en: 'Queues' },
  scope: 'regional',
  record: sqsQueueSchema,
  resource: { idFields: ['queueUrl'], arnField: 'arn', nameField: 'queueName' },
  inventory: true,
  diff: true,
  columns: [
    column.text('queueName', L.name),
    column.mono('kmsMasterKeyId', { ko: 'KMS 키', en: 'KMS key' }),
    column.yesNo('sqsManagedSseEnabled', { ko: 'SQS 관리형 암호화', en: 'SQS-managed encryption' }, true),
    {
      kind: 'present',
      field: 'policy',
      missingIsUnknown: true,
      label: { ko: '대기열 정책', en: 'Queue policy' },
    },
    column.yesNo('fifoQueue', { ko: 'FIFO 대기열', en: 'FIFO queue' }),
    column.region,
  ],
  iamActions: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
});

export const sqs = defineService({
  id: 'sqs',
  name: 'SQS',
  fullName: 'Amazon SQS',
  costExplorerService: 'Amazon Simple Queue Service',
  collectors: [queues],
});
