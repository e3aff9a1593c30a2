/** S3: buckets (with their settings) and the account's Block Public Access. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { s3AccountPublicAccessBlockSchema, s3BucketSchema } from '../records/s3.js';

const blockPublicAccess = { ko: '퍼블릭 액세스 차단', en: 'Block Public Access' };

const buckets = defineCollectorDescriptor({
  id: 's3.buckets',
  label: { ko: '버킷', en: 'Buckets' },
  scope: 'global',
  record: s3BucketSchema,
  resource: { idFields: ['name'], arnField: 'arn', nameField: 'name' },
  inventory: true,
  diff: true,
  columns: [
    column.region,
    column.date('creationDate', L.created),
    { kind: 'nested', field: 'versioning', key: 'status', label: { ko: '버전 관리', en: 'Versioning' } },
    {
      kind: 'pluck',
      field: 'encryption',
      key: 'algorithm',
      emptyIsNone: true,
      label: { ko: '기본 암호화', en: 'Default encryption' },
    },
    { kind: 'allTrue', field: 'publicAccessBlock', label: blockPublicAccess },
    {
      kind: 'present',
      field: 'logging',
      missingIsUnknown: true,
      label: { ko: '액세스 로깅', en: 'Access logging' },
    },
    column.tags,
  ],
  iamActions: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetEncryptionConfiguration',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketPolicy',
    's3:GetBucketAcl',
    's3:GetBucketVersioning',
    's3:GetLifecycleConfiguration',
    's3:GetBucketLogging',
    's3:GetIntelligentTieringConfiguration',
    's3:GetBucketOwnershipControls',
  ],
});

const accountPublicAccessBlock = defineCollectorDescriptor({
  id: 's3.account-public-access-block',
  label: { ko: '계정 퍼블릭 액세스 차단', en: 'Account Block Public Access' },
  scope: 'global',
  record: s3AccountPublicAccessBlockSchema,
  resource: { idFields: ['accountId'] },
  inventory: false,
  diff: true,
  columns: [{ kind: 'allTrue', field: 'publicAccessBlock', label: blockPublicAccess }],
  iamActions: ['s3:GetAccountPublicAccessBlock'],
});

export const s3 = defineService({
  id: 's3',
  name: 'S3',
  fullName: 'Amazon S3',
  costExplorerService: 'Amazon Simple Storage Service',
  collectors: [buckets, accountPublicAccessBlock],
});
