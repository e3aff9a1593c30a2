/**
 * GetAccountAuthorizationDetails answers users, groups, roles and customer-managed policies in one
 * paged sequence. Four collectors need it, so the answer is shared: memoised per IAM client (the
 * client factory makes one per collection) and reference time, so one collection fetches it once
 * and a later collection never sees a stale answer.
 */
import {
  type GetAccountAuthorizationDetailsCommandOutput,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
} from '@aws-sdk/client-iam';
import type { AttachedPolicyRef, FieldError, InlinePolicy } from '../../core/records.js';
import type { CollectorContext } from '../types.js';
import { parsePolicyDocument } from './policy-document.js';

type Output = GetAccountAuthorizationDetailsCommandOutput;
export interface AuthorizationDetails {
  users: NonNullable<Output['UserDetailList']>;
  groups: NonNullable<Output['GroupDetailList']>;
  roles: NonNullable<Output['RoleDetailList']>;
  policies: NonNullable<Output['Policies']>;
}

const memo = new WeakMap<object, { now: number; details: Promise<AuthorizationDetails> }>();

async function fetchDetails(ctx: CollectorContext, client: IAMClient): Promise<AuthorizationDetails> {
  const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
  const pages = paginateGetAccountAuthorizationDetails(
    { client, pageSize: 1000 },
    { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
  );
  for await (const page of pages) {
    ctx.signal.throwIfAborted();
    details.users.push(...(page.UserDetailList ?? []));
    details.groups.push(...(page.GroupDetailList ?? []));
    details.roles.push(...(page.RoleDetailList ?? []));
    details.policies.push(...(page.Policies ?? []));
  }
  return details;
}

export function authorizationDetails(ctx: CollectorContext): Promise<AuthorizationDetails> {
  const client = ctx.client(IAMClient);
  const cached = memo.get(client);
  if (cached && cached.now === ctx.now.getTime()) return cached.details;
  const details = fetchDetails(ctx, client);
  memo.set(client, { now: ctx.now.getTime(), details });
  return details;
}

export function toAttached(
  list: { PolicyName?: string; PolicyArn?: string }[] | undefined,
): AttachedPolicyRef[] {
  return (list ?? []).flatMap((p) =>
    p.PolicyArn ? [{ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn }] : [],
  );
}

/** Inline policies with decoded documents; an unreadable one is reported in `fieldErrors.inlinePolicies`. */
export function toInline(
  list: { PolicyName?: string; PolicyDocument?: string }[] | undefined,
  fieldErrors: Record<string, FieldError>,
): InlinePolicy[] {
  const out: InlinePolicy[] = [];
  for (const p of list ?? []) {
    try {
      out.push({ policyName: p.PolicyName ?? '', document: parsePolicyDocument(p.PolicyDocument ?? '') });
    } catch (error) {
      fieldErrors.inlinePolicies = {
        operation: 'GetAccountAuthorizationDetails',
        code: 'PolicyParseError',
        message: `${p.PolicyName ?? 'inline policy'}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return out;
}

export function withFieldErrors<T extends object>(
  record: T,
  fieldErrors: Record<string, FieldError>,
): T & { fieldErrors?: Record<string, FieldError> } {
  return Object.keys(fieldErrors).length > 0 ? { ...record, fieldErrors } : record;
}
