/** IAM roles, read from the shared GetAccountAuthorizationDetails answer. */
import type { FieldError, IamRole } from '../../core/records.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';
import { authorizationDetails, toAttached, toInline, withFieldErrors } from './authorization-details.js';
import { parsePolicyDocument } from './policy-document.js';

export const iamRoles = defineCollector({
  id: 'iam.roles',
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
