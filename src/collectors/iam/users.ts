/** IAM users, read from the shared GetAccountAuthorizationDetails answer. */
import type { FieldError, IamUser } from '../../core/records.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';
import { authorizationDetails, toAttached, toInline, withFieldErrors } from './authorization-details.js';

export const iamUsers = defineCollector({
  id: 'iam.users',
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
