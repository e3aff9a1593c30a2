/**
 * Resolves whether an IAM identity (user, group or role) holds administrator rights: the
 * AWS-managed AdministratorAccess policy, or any attached or inline policy allowing `*` on `*`.
 * Managed policies are looked up in the collected `iam.policies` documents; a policy we cannot
 * read makes the answer `unknown` unless another policy already proves admin.
 */
import type { AttachedPolicyRef, IamPolicy, InlinePolicy } from '../../core/records.js';
import { documentGrantsAdmin, isAdministratorAccessArn } from './policy.js';

export interface PolicyHolder {
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface AdminResolution {
  status: 'admin' | 'not_admin' | 'unknown';
  /** How admin was granted, e.g. "AdministratorAccess (group ops)". */
  grants: string[];
  /** Managed policies whose document was not collected. */
  unresolved: string[];
}

export type PolicyIndex = ReadonlyMap<string, IamPolicy>;

export function indexPolicies(policies: IamPolicy[]): PolicyIndex {
  return new Map(policies.map((p) => [p.arn, p]));
}

function managedPolicyGrantsAdmin(ref: AttachedPolicyRef, policies: PolicyIndex): boolean | undefined {
  if (isAdministratorAccessArn(ref.policyArn)) return true;
  const policy = policies.get(ref.policyArn);
  if (!policy) return undefined;
  if (policy.document) return documentGrantsAdmin(policy.document);
  // The collector flags `*` on `*` even when it did not keep the document.
  return policy.allowsAdminAccess ? true : undefined;
}

/** Admin grants of one holder; `via` names the group or is undefined for direct policies. */
function holderGrants(
  holder: PolicyHolder,
  policies: PolicyIndex,
  via: string | undefined,
  out: AdminResolution,
): void {
  const suffix = via ? ` (${via})` : '';
  for (const ref of holder.attachedPolicies) {
    const admin = managedPolicyGrantsAdmin(ref, policies);
    if (admin === true) out.grants.push(`${ref.policyName}${suffix}`);
    else if (admin === undefined) out.unresolved.push(`${ref.policyName}${suffix}`);
  }
  for (const inline of holder.inlinePolicies) {
    if (documentGrantsAdmin(inline.document)) out.grants.push(`${inline.policyName} (inline)${suffix}`);
  }
}

/**
 * `groups` are the holder's groups already resolved; `missingGroups` are group names that were
 * not found in the snapshot (they make the answer unknown unless admin is proven elsewhere).
 */
export function resolveAdmin(
  holder: PolicyHolder,
  policies: PolicyIndex,
  groups: { name: string; holder: PolicyHolder }[] = [],
  missingGroups: string[] = [],
): AdminResolution {
  const out: AdminResolution = { status: 'not_admin', grants: [], unresolved: [] };
  holderGrants(holder, policies, undefined, out);
  for (const group of groups) holderGrants(group.holder, policies, `group ${group.name}`, out);
  out.unresolved.push(...missingGroups.map((g) => `group ${g}`));
  if (out.grants.length > 0) out.status = 'admin';
  else if (out.unresolved.length > 0) out.status = 'unknown';
  return out;
}
