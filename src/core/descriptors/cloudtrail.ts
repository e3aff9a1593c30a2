/** CloudTrail: trails with their status and event selectors. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { cloudTrailTrailSchema } from '../records/cloudtrail.js';

const trails = defineCollectorDescriptor({
  id: 'cloudtrail.trails',
  label: { ko: '추적', en: 'Trails' },
  scope: 'regional',
  record: cloudTrailTrailSchema,
  resource: { idFields: ['arn'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.text('name', L.name),
    column.yesNo('isMultiRegionTrail', { ko: '다중 리전', en: 'Multi-region' }, true),
    column.yesNo('isLogging', { ko: '로깅 중', en: 'Logging' }, true),
    column.yesNo('logFileValidationEnabled', { ko: '로그 파일 검증', en: 'Log file validation' }, true),
    { kind: 'present', field: 'kmsKeyId', label: L.encrypted },
    column.mono('s3BucketName', { ko: 'S3 버킷', en: 'S3 bucket' }),
    column.mono('cloudWatchLogsLogGroupArn', {
      ko: 'CloudWatch Logs 로그 그룹',
      en: 'CloudWatch Logs log group',
    }),
    column.region,
  ],
  iamActions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
});

export const cloudtrail = defineService({
  id: 'cloudtrail',
  name: 'CloudTrail',
  fullName: 'AWS CloudTrail',
  collectors: [trails],
});
