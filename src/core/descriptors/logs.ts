/** CloudWatch Logs: log groups with their retention and encryption. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { logsLogGroupSchema } from '../records/logs.js';

const logGroups = defineCollectorDescriptor({
  id: 'logs.log-groups',
  label: { ko: '로그 그룹', en: 'Log groups' },
  scope: 'regional',
  record: logsLogGroupSchema,
  resource: { idFields: ['logGroupName'], arnField: 'arn', nameField: 'logGroupName' },
  inventory: true,
  diff: true,
  columns: [
    column.number('retentionInDays', { ko: '보존 기간(일)', en: 'Retention (days)' }),
    column.mono('kmsKeyId', { ko: 'KMS 키', en: 'KMS key' }),
    column.number('storedBytes', { ko: '저장된 바이트', en: 'Stored bytes' }),
    column.text('logGroupClass', { ko: '로그 그룹 클래스', en: 'Log group class' }),
    column.region,
    column.date('createdAt', L.created),
  ],
  iamActions: ['logs:DescribeLogGroups'],
});

export const logs = defineService({
  id: 'logs',
  name: 'CloudWatch Logs',
  fullName: 'Amazon CloudWatch Logs',
  costExplorerService: 'AmazonCloudWatch',
  collectors: [logGroups],
});
