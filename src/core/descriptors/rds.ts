/** RDS: DB instances, DB snapshots and instance metrics. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { rdsInstanceMetricsSchema, rdsInstanceSchema, rdsSnapshotSchema } from '../records/rds.js';

const instances = defineCollectorDescriptor({
  id: 'rds.instances',
  label: { ko: 'DB 인스턴스', en: 'DB instances' },
  scope: 'regional',
  record: rdsInstanceSchema,
  resource: { idFields: ['dbInstanceIdentifier'], arnField: 'arn', nameField: 'dbInstanceIdentifier' },
  inventory: true,
  diff: true,
  metrics: 'rds.instance-metrics',
  columns: [
    {
      kind: 'concat',
      fields: ['engine', 'engineVersion'],
      sort: 'engine',
      label: { ko: '엔진', en: 'Engine' },
    },
    column.mono('dbInstanceClass', { ko: '클래스', en: 'Class' }),
    column.state('status', L.status),
    column.yesNo('multiAZ', { ko: '다중 AZ', en: 'Multi-AZ' }, true),
    column.yesNo('storageEncrypted', L.encrypted, true),
    column.yesNo('publiclyAccessible', L.public, false),
    column.number('allocatedStorageGiB', L.storage),
    column.region,
    column.tags,
  ],
  iamActions: ['rds:DescribeDBInstances'],
});

const snapshots = defineCollectorDescriptor({
  id: 'rds.snapshots',
  label: { ko: 'DB 스냅샷', en: 'DB snapshots' },
  scope: 'regional',
  record: rdsSnapshotSchema,
  resource: { idFields: ['dbSnapshotIdentifier'], arnField: 'arn' },
  inventory: true,
  diff: true,
  columns: [
    column.mono('dbInstanceIdentifier', { ko: 'DB 인스턴스', en: 'DB instance' }),
    column.text('snapshotType', L.type),
    column.yesNo('encrypted', L.encrypted, true),
    column.joined('restoreAttribute', { ko: '공유 대상', en: 'Shared with' }),
    column.number('allocatedStorageGiB', L.storage),
    column.region,
    column.date('snapshotCreateTime', L.created),
  ],
  iamActions: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'],
});

const instanceMetrics = defineCollectorDescriptor({
  id: 'rds.instance-metrics',
  label: { ko: 'DB 인스턴스 지표', en: 'DB instance metrics' },
  scope: 'regional',
  record: rdsInstanceMetricsSchema,
  resource: { idFields: ['dbInstanceIdentifier'] },
  inventory: false,
  diff: false,
  iamActions: ['cloudwatch:GetMetricData'],
  dependsOn: ['rds.instances'],
});

export const rds = defineService({
  id: 'rds',
  name: 'RDS',
  fullName: 'Amazon RDS',
  costExplorerService: 'Amazon Relational Database Service',
  collectors: [instances, snapshots, instanceMetrics],
});
