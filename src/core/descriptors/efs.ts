/** EFS: file systems with their encryption and backup policy. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { efsFileSystemSchema } from '../records/efs.js';

const fileSystems = defineCollectorDescriptor({
  id: 'efs.file-systems',
  label: { ko: '파일 시스템', en: 'File systems' },
  scope: 'regional',
  record: efsFileSystemSchema,
  resource: { idFields: ['fileSystemId'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.text('name', L.name),
    column.state('lifeCycleState', L.state),
    column.yesNo('encrypted', L.encrypted, true),
    column.text('backupPolicyStatus', { ko: '자동 백업', en: 'Automatic backups' }),
    column.text('performanceMode', { ko: '성능 모드', en: 'Performance mode' }),
    column.text('throughputMode', { ko: '처리량 모드', en: 'Throughput mode' }),
    column.region,
    column.date('creationTime', L.created),
    column.tags,
  ],
  iamActions: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeBackupPolicy'],
});

export const efs = defineService({
  id: 'efs',
  name: 'EFS',
  fullName: 'Amazon Elastic File System',
  collectors: [fileSystems],
});
