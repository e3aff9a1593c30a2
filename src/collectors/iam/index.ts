import { iamAccountSummary, iamPasswordPolicy } from './account.js';
import { iamCredentialReport } from './credential-report.js';
import { iamPolicies } from './policies.js';
import { iamGroups, iamRoles, iamUsers } from './principals.js';

export const collectors = [
  iamUsers,
  iamGroups,
  iamRoles,
  iamPolicies,
  iamCredentialReport,
  iamPasswordPolicy,
  iamAccountSummary,
];
