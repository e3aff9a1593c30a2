import type { ComplianceMapping } from '../core/compliance.js';

/**
 * Mappings for the part-2 checks (CHECKS.md part 2) that other branches are building. The lead
 * moves each entry into its check's `compliance` field when the check lands and deletes it here;
 * src/compliance/mapping.test.ts validates these ids too and fails if an entry's check already
 * exists (so a landed check cannot keep two mappings).
 */
export const PENDING_CHECK_MAPPINGS: Readonly<Record<string, ComplianceMapping>> = {
  'kms-key-rotation-enabled': { cis: ['3.6'], ismsp: ['2.7.2'] },
  'kms-key-not-pending-deletion': { fsbp: ['KMS.3'], ismsp: ['2.7.2'] },
  'kms-key-policy-not-public': { fsbp: ['KMS.5'], ismsp: ['2.7.2', '2.10.2'] },
  'dynamodb-table-pitr-enabled': { fsbp: ['DynamoDB.2'], ismsp: ['2.9.3'] },
  'dynamodb-table-deletion-protection': { fsbp: ['DynamoDB.6'] },
  'dynamodb-table-kms-encrypted': { ismsp: ['2.7.1'] },
  'dynamodb-table-not-idle': {
    noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it',
  },
  'efs-file-system-encrypted': { cis: ['2.3.1'], fsbp: ['EFS.1'], ismsp: ['2.7.1'] },
  'efs-file-system-backup-enabled': { fsbp: ['EFS.2'], ismsp: ['2.9.3'] },
  'ecr-repository-scan-on-push': { fsbp: ['ECR.1'], ismsp: ['2.10.9', '2.11.2'] },
  'ecr-repository-tags-immutable': { fsbp: ['ECR.2'], ismsp: ['2.8.6'] },
  'ecr-repository-not-public': { ismsp: ['2.6.1', '2.10.2'] },
  'ecr-repository-lifecycle-policy': { fsbp: ['ECR.3'] },
  'secretsmanager-rotation-enabled': { fsbp: ['SecretsManager.1'], ismsp: ['2.5.4'] },
  'secretsmanager-secret-used': { fsbp: ['SecretsManager.3'] },
  'acm-certificate-not-expiring': { fsbp: ['ACM.1'], ismsp: ['2.10.5'] },
  'acm-certificate-key-strong': { fsbp: ['ACM.2'], ismsp: ['2.7.1'] },
};
