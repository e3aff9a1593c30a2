/** IAM (global): users, groups, roles, managed policies, credential report, account settings. */
import { column, COLUMN_LABELS as L } from '../columns.js';
import { defineCollectorDescriptor, defineService } from '../descriptor.js';
import {
  iamAccountSummarySchema,
  iamCredentialReportRowSchema,
  iamGroupSchema,
  iamPasswordPolicySchema,
  iamPolicySchema,
  iamRoleSchema,
  iamServerCertificateSchema,
  iamUserSchema,
} from '../records/iam.js';

/** One GetAccountAuthorizationDetails listing feeds users, groups, roles and policies. */
const GAAD = 'iam:GetAccountAuthorizationDetails';

const users = defineCollectorDescriptor({
  id: 'iam.users',
  label: { ko: '사용자', en: 'Users' },
  scope: 'global',
  record: iamUserSchema,
  resource: { idFields: ['userName'], arnField: 'arn', nameField: 'userName' },
  inventory: true,
  diff: true,
  columns: [
    column.joined('groups', { ko: '그룹', en: 'Groups' }),
    column.count('attachedPolicies', L.policies),
    column.date('passwordLastUsed', L.lastUsed),
    column.date('createDate', L.created),
    column.tags,
  ],
  iamActions: [GAAD],
});

const groups = defineCollectorDescriptor({
  id: 'iam.groups',
  label: { ko: '그룹', en: 'Groups' },
  scope: 'global',
  record: iamGroupSchema,
  resource: { idFields: ['groupName'], arnField: 'arn', nameField: 'groupName' },
  inventory: true,
  diff: true,
  columns: [column.count('attachedPolicies', L.policies)],
  iamActions: [GAAD],
});

const roles = defineCollectorDescriptor({
  id: 'iam.roles',
  label: { ko: '역할', en: 'Roles' },
  scope: 'global',
  record: iamRoleSchema,
  resource: { idFields: ['roleName'], arnField: 'arn', nameField: 'roleName' },
  inventory: true,
  diff: true,
  columns: [
    column.count('attachedPolicies', L.policies),
    column.date('lastUsedDate', L.lastUsed),
    column.date('createDate', L.created),
    column.tags,
  ],
  iamActions: [GAAD],
});

const policies = defineCollectorDescriptor({
  id: 'iam.policies',
  label: { ko: '정책', en: 'Policies' },
  scope: 'global',
  record: iamPolicySchema,
  resource: { idFields: ['arn'], arnField: 'arn', nameField: 'policyName' },
  inventory: true,
  diff: true,
  columns: [
    column.text('policyName', L.name),
    column.yesNo('awsManaged', { ko: 'AWS 관리형', en: 'AWS managed' }),
    column.number('attachmentCount', L.attachments),
    column.yesNo('allowsAdminAccess', { ko: '*:* 허용', en: 'Allows *:*' }, false),
  ],
  iamActions: [GAAD, 'iam:GetPolicy', 'iam:GetPolicyVersion'],
});

const credentialReport = defineCollectorDescriptor({
  id: 'iam.credential-report',
  label: { ko: '자격 증명 보고서', en: 'Credential report' },
  scope: 'global',
  record: iamCredentialReportRowSchema,
  resource: { idFields: ['user'], arnField: 'arn', nameField: 'user' },
  inventory: false,
  diff: true,
  columns: [
    column.yesNo('passwordEnabled', { ko: '암호', en: 'Password' }),
    column.yesNo('mfaActive', { ko: 'MFA 사용', en: 'MFA' }, true),
    {
      kind: 'countTrue',
      fields: ['accessKey1Active', 'accessKey2Active'],
      label: { ko: '활성 액세스 키', en: 'Active access keys' },
    },
    column.date('passwordLastUsed', L.lastUsed),
    column.date('userCreationTime', L.created),
  ],
  // The last three serve only the fallback (src/collectors/iam/credential-report-fallback.ts).
  iamActions: [
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
    'iam:ListUsers',
    'iam:GetLoginProfile',
    'iam:ListMFADevices',
  ],
});

const passwordPolicy = defineCollectorDescriptor({
  id: 'iam.password-policy',
  label: { ko: '암호 정책', en: 'Password policy' },
  scope: 'global',
  record: iamPasswordPolicySchema,
  resource: { idFields: ['region'], findingId: 'password-policy' },
  inventory: false,
  diff: true,
  iamActions: ['iam:GetAccountPasswordPolicy'],
});

const accountSummary = defineCollectorDescriptor({
  id: 'iam.account-summary',
  label: { ko: '계정 요약', en: 'Account summary' },
  scope: 'global',
  record: iamAccountSummarySchema,
  resource: { idFields: ['region'], findingId: 'account-summary' },
  inventory: false,
  diff: false,
  iamActions: ['iam:GetAccountSummary'],
});

const serverCertificates = defineCollectorDescriptor({
  id: 'iam.server-certificates',
  label: { ko: '서버 인증서', en: 'Server certificates' },
  scope: 'global',
  record: iamServerCertificateSchema,
  resource: { idFields: ['serverCertificateName'], arnField: 'arn', nameField: 'serverCertificateName' },
  inventory: true,
  diff: true,
  columns: [
    column.date('expiration', { ko: '만료일', en: 'Expires' }),
    column.date('uploadDate', { ko: '업로드일', en: 'Uploaded' }),
    column.mono('path', { ko: '경로', en: 'Path' }),
  ],
  iamActions: ['iam:ListServerCertificates'],
});

export const iam = defineService({
  id: 'iam',
  name: 'IAM',
  fullName: 'AWS IAM',
  costExplorerService: 'AWS Identity and Access Management',
  collectors: [
    users,
    groups,
    roles,
    policies,
    credentialReport,
    passwordPolicy,
    accountSummary,
    serverCertificates,
  ],
});
