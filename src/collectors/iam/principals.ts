/** IAM users, groups and roles, all read from the shared GetAccountAuthorizationDetails answer. */
import type { FieldError, IamGroup, IamRole, IamUser } from '../../core/records.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';
import { authorizationDetails, toAttached, toInline, withFieldErrors } from './authorization-details.js';
import { parsePolicyDocument } from './policy-document.js';

const GAAD = 'iam:GetAccountAuthorizationDetails';

export const iamUsers = defineCollector({
  id: 'iam.users',
  service: 'iam',
  scope: 'global',
  iamActions: [GAAD],
  async *collect(ctx) {
    for (const u of (await authorizationDetails(ctx)).users) {
      const fieldErrors: Record<string, FieldError> = {};
      const user: IamUser = {
        region: 'global',
        userName: u.UserName ?? '',
        ...(u.UserId ? { userId: u.UserId } : {}),
        arn: u.Arn ?? '',
        ...(u.CreateDate ? { createDate: u.CreateDate.toISOString() } : {}),
        groups: [...(u.GroupList ?? [])],
        attachedPolicies: toAttached(u.AttachedManagedPolicies),
        inlinePolicies: toInline(u.UserPolicyList, fieldErrors),
        tags: toTags(u.Tags),
      };
      yield withFieldErrors(user, fieldErrors);
    }
  },
});

export const iamGroups = defineCollector({
  id: 'iam.groups',
  service: 'iam',
  scope: 'global',
  iamActions: [GAAD],
  async *collect(ctx) {
    for (const g of (await authorizationDetails(ctx)).groups) {
      const fieldErrors: Record<string, FieldError> = {};
      const group: IamGroup = {
        region: 'global',
        groupName: g.GroupName ?? '',
        arn: g.Arn ?? '',
        attachedPolicies: toAttached(g.AttachedManagedPolicies),
        inlinePolicies: toInline(g.GroupPolicyList, fieldErrors),
      };
      yield withFieldErrors(group, fieldErrors);
    }
  },
});

export const iamRoles = defineCollector({
  id: 'iam.roles',
  service: 'iam',
  scope: 'global',
  iamActions: [GAAD],
  async *collect(ctx) {
    for (const r of (await authorizationDetails(ctx)).roles) {
      const fieldErrors: Record<string, FieldError> = {};
      let assumeRolePolicy: IamRole['assumeRolePolicy'];
      try {
        if (r.AssumeRolePolicyDocument) assumeRolePolicy = parsePolicyDocument(r.AssumeRolePolicyDocument);
      } catch (error) {
        fieldErrors.assumeRolePolicy = {
          operation: 'GetAccountAuthorizationDetails',
          code: 'PolicyParseError',
          message: error instanceof Error ? error.message : String(error),
        };
      }
      const role: IamRole = {
        region: 'global',
        roleName: r.RoleName ?? '',
        arn: r.Arn ?? '',
        ...(r.CreateDate ? { createDate: r.CreateDate.toISOString() } : {}),
        ...(assumeRolePolicy ? { assumeRolePolicy } : {}),
        attachedPolicies: toAttached(r.AttachedManagedPolicies),
        inlinePolicies: toInline(r.RolePolicyList, fieldErrors),
        ...(r.RoleLastUsed?.LastUsedDate ? { lastUsedDate: r.RoleLastUsed.LastUsedDate.toISOString() } : {}),
        tags: toTags(r.Tags),
      };
      yield withFieldErrors(role, fieldErrors);
    }
  },
});
