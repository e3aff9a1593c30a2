/** Secrets Manager: secrets' rotation and last access (metadata only, never the values). */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { secretsManagerSecretSchema } from '../records/secretsmanager.js';

const secrets = defineCollectorDescriptor({
  id: 'secretsmanager.secrets',
  label: { ko: '보안 암호', en: 'Secrets' },
  scope: 'regional',
  record: secretsManagerSecretSchema,
  resource: { idFields: ['arn'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.text('name', L.name),
    column.yesNo('rotationEnabled', { ko: '교체', en: 'Rotation' }, true),
    column.date('lastRotatedDate', { ko: '마지막 교체', en: 'Last rotated' }),
    column.date('lastAccessedDate', { ko: '마지막 액세스', en: 'Last accessed' }),
    column.date('createdDate', L.created),
    column.region,
    column.tags,
  ],
  iamActions: ['secretsmanager:ListSecrets'],
});

export const secretsmanager = defineService({
  id: 'secretsmanager',
  name: 'Secrets Manager',
  fullName: 'AWS Secrets Manager',
  collectors: [secrets],
});
