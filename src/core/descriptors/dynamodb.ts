/** DynamoDB: tables with their backups, protection, encryption and consumed capacity. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { dynamodbTableMetricsSchema, dynamodbTableSchema } from '../records/dynamodb.js';

const tables = defineCollectorDescriptor({
  id: 'dynamodb.tables',
  label: { ko: '테이블', en: 'Tables' },
  scope: 'regional',
  record: dynamodbTableSchema,
  resource: { idFields: ['tableName'], arnField: 'tableArn', nameField: 'tableName' },
  inventory: true,
  diff: true,
  metrics: 'dynamodb.table-metrics',
  columns: [
    column.state('tableStatus', L.status),
    column.text('billingMode', { ko: '요금 모드', en: 'Billing mode' }),
    column.number('readCapacityUnits', { ko: '읽기 용량 단위', en: 'Read capacity units' }),
    column.number('writeCapacityUnits', { ko: '쓰기 용량 단위', en: 'Write capacity units' }),
    column.text('pointInTimeRecoveryStatus', { ko: '특정 시점 복구', en: 'Point-in-time recovery' }),
    column.yesNo('deletionProtectionEnabled', { ko: '삭제 방지', en: 'Deletion protection' }, true),
    column.text('sseType', L.encrypted),
    column.region,
    column.date('creationDateTime', L.created),
  ],
  iamActions: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups'],
});

const tableMetrics = defineCollectorDescriptor({
  id: 'dynamodb.table-metrics',
  label: { ko: '테이블 지표', en: 'Table metrics' },
  scope: 'regional',
  record: dynamodbTableMetricsSchema,
  resource: { idFields: ['tableName'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: ['dynamodb.tables'],
});

export const dynamodb = defineService({
  id: 'dynamodb',
  name: 'DynamoDB',
  fullName: 'Amazon DynamoDB',
  collectors: [tables, tableMetrics],
});
