/** KMS: keys with their state, rotation and key policy. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { kmsKeySchema } from '../records/kms.js';

const keys = defineCollectorDescriptor({
  id: 'kms.keys',
  label: { ko: '키', en: 'Keys' },
  scope: 'regional',
  record: kmsKeySchema,
  resource: { idFields: ['keyId'], arnField: 'arn', nameField: 'alias' },
  inventory: true,
  diff: true,
  columns: [
    column.text('alias', { ko: '별칭', en: 'Alias' }),
    column.text('keyManager', { ko: '관리 주체', en: 'Key manager' }),
    column.mono('keySpec', { ko: '키 사양', en: 'Key spec' }),
    column.state('keyState', L.state),
    column.yesNo('rotationEnabled', { ko: '자동 교체', en: 'Automatic rotation' }, true),
    column.date('deletionDate', { ko: '삭제 예정일', en: 'Deletion date' }),
    column.region,
    column.date('creationDate', L.created),
  ],
  iamActions: [
    'kms:ListKeys',
    'kms:ListAliases',
    'kms:DescribeKey',
    'kms:GetKeyRotationStatus',
    'kms:GetKeyPolicy',
  ],
});

export const kms = defineService({
  id: 'kms',
  name: 'KMS',
  fullName: 'AWS Key Management Service',
  collectors: [keys],
});
