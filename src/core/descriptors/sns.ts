/** SNS: topics with their encryption and access policy. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { snsTopicSchema } from '../records/sns.js';

const topics = defineCollectorDescriptor({
  id: 'sns.topics',
  label: { ko: '주제', en: 'Topics' },
  scope: 'regional',
  record: snsTopicSchema,
  resource: { idFields: ['topicArn'], arnField: 'topicArn', nameField: 'topicName' },
  inventory: true,
  diff: true,
  columns: [
    column.text('topicName', L.name),
    column.mono('kmsMasterKeyId', { ko: 'KMS 키', en: 'KMS key' }),
    {
      kind: 'present',
      field: 'policy',
      missingIsUnknown: true,
      label: { ko: '주제 정책', en: 'Topic policy' },
    },
    column.yesNo('fifoTopic', { ko: 'FIFO 주제', en: 'FIFO topic' }),
    column.number('subscriptionsConfirmed', { ko: '확인된 구독 수', en: 'Confirmed subscriptions' }),
    column.region,
  ],
  iamActions: ['sns:ListTopics', 'sns:GetTopicAttributes'],
});

export const sns = defineService({
  id: 'sns',
  name: 'SNS',
  fullName: 'Amazon SNS',
  costExplorerService: 'Amazon Simple Notification Service',
  collectors: [topics],
});
