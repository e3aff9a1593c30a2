/** ECR: repositories with their scanning, tag mutability, policy and lifecycle policy. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import { ecrRepositorySchema } from '../records/ecr.js';

const repositories = defineCollectorDescriptor({
  id: 'ecr.repositories',
  label: { ko: '리포지토리', en: 'Repositories' },
  scope: 'regional',
  record: ecrRepositorySchema,
  resource: { idFields: ['repositoryName'], arnField: 'repositoryArn', nameField: 'repositoryName' },
  inventory: true,
  diff: true,
  columns: [
    column.yesNo('scanOnPush', { ko: '푸시 시 스캔', en: 'Scan on push' }, true),
    column.text('imageTagMutability', { ko: '태그 변경 가능성', en: 'Tag mutability' }),
    column.text('encryptionType', L.encrypted),
    {
      kind: 'present',
      field: 'policy',
      missingIsUnknown: true,
      label: { ko: '리포지토리 정책', en: 'Repository policy' },
    },
    column.yesNo('hasLifecyclePolicy', { ko: '수명 주기 정책', en: 'Lifecycle policy' }, true),
    column.region,
    column.date('createdAt', L.created),
  ],
  iamActions: ['ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy', 'ecr:GetLifecyclePolicy'],
});

export const ecr = defineService({
  id: 'ecr',
  name: 'ECR',
  fullName: 'Amazon Elastic Container Registry',
  costExplorerService: 'Amazon EC2 Container Registry (ECR)',
  collectors: [repositories],
});
