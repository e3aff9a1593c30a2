/** Lambda: functions, their CloudWatch metrics and the memory they really use. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import {
  lambdaFunctionMetricsSchema,
  lambdaFunctionSchema,
  lambdaMemoryUsageSchema,
} from '../records/lambda.js';

const functions = defineCollectorDescriptor({
  id: 'lambda.functions',
  label: { ko: '함수', en: 'Functions' },
  scope: 'regional',
  record: lambdaFunctionSchema,
  resource: { idFields: ['functionName'], arnField: 'arn', nameField: 'functionName' },
  inventory: true,
  diff: true,
  metrics: 'lambda.function-metrics',
  columns: [
    column.mono('runtime', { ko: '런타임', en: 'Runtime' }),
    column.number('memoryMb', L.memory),
    column.number('timeoutSeconds', { ko: '제한 시간(초)', en: 'Timeout (s)' }),
    column.joined('architectures', { ko: '아키텍처', en: 'Architecture' }),
    column.region,
    column.date('lastModified', L.modified),
    column.tags,
  ],
  iamActions: [
    'lambda:ListFunctions',
    'lambda:GetPolicy',
    'lambda:ListCodeSigningConfigs',
    'lambda:ListFunctionsByCodeSigningConfig',
    'lambda:GetFunctionCodeSigningConfig',
  ],
});

const functionMetrics = defineCollectorDescriptor({
  id: 'lambda.function-metrics',
  label: { ko: '함수 지표', en: 'Function metrics' },
  scope: 'regional',
  record: lambdaFunctionMetricsSchema,
  resource: { idFields: ['functionName'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: ['lambda.functions'],
});

const memoryUsage = defineCollectorDescriptor({
  id: 'lambda.memory-usage',
  label: { ko: '메모리 사용량', en: 'Memory usage' },
  scope: 'regional',
  record: lambdaMemoryUsageSchema,
  resource: { idFields: ['functionName'] },
  inventory: false,
  diff: false,
  columns: [
    column.number('invocationsSeen', { ko: '확인된 호출 수', en: 'Invocations seen' }),
    column.number('maxMemoryUsedMb', { ko: '최대 메모리 사용량(MB)', en: 'Max memory used (MB)' }),
    column.number('memorySizeMb', L.memory),
    column.region,
  ],
  iamActions: ['logs:DescribeLogGroups', 'logs:FilterLogEvents'],
  dependsOn: ['lambda.functions'],
});

export const lambda = defineService({
  id: 'lambda',
  name: 'Lambda',
  fullName: 'AWS Lambda',
  collectors: [functions, functionMetrics, memoryUsage],
});
