/** IAM groups, read from the shared GetAccountAuthorizationDetails answer. */
import type { FieldError, IamGroup } from '../../core/records.js';
import { defineCollector } from '../types.js';
import { authorizationDetails, toAttached, toInline, withFieldErrors } from './authorization-details.js';

export const iamGroups = defineCollector({
  id: 'iam.groups',
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
