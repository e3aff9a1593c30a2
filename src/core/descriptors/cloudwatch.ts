/** CloudWatch: metric filters on log groups (CloudWatch Logs) and metric alarms. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { cloudWatchAlarmSchema, cloudWatchMetricFilterSchema } from '../records/cloudwatch.js';

const metricFilters = defineCollectorDescriptor({
  id: 'cloudwatch.metric-filters',
  label: { ko: '지표 필터', en: 'Metric filters' },
  scope: 'regional',
  record: cloudWatchMetricFilterSchema,
  resource: { idFields: ['filterName'], nameField: 'filterName' },
  inventory: true,
  diff: true,
  columns: [
    column.mono('logGroupName', { ko: '로그 그룹', en: 'Log group' }),
    column.mono('filterPattern', { ko: '필터 패턴', en: 'Filter pattern' }),
    column.region,
  ],
  iamActions: ['logs:DescribeMetricFilters'],
});

const alarms = defineCollectorDescriptor({
  id: 'cloudwatch.alarms',
  label: { ko: '경보', en: 'Alarms' },
  scope: 'regional',
  record: cloudWatchAlarmSchema,
  resource: { idFields: ['arn'], arnField: 'arn', nameField: 'alarmName' },
  inventory: true,
  diff: true,
  columns: [
    column.text('alarmName', L.name),
    column.mono('namespace', { ko: '네임스페이스', en: 'Namespace' }),
    column.mono('metricName', { ko: '지표', en: 'Metric' }),
    column.count('alarmActions', { ko: '경보 작업 수', en: 'Alarm actions' }),
    column.state('stateValue', L.state),
    column.region,
  ],
  iamActions: ['cloudwatch:DescribeAlarms'],
});

export const cloudwatch = defineService({
  id: 'cloudwatch',
  name: 'CloudWatch',
  fullName: 'Amazon CloudWatch',
  costExplorerService: 'AmazonCloudWatch',
  collectors: [metricFilters, alarms],
});
