import { z } from 'zod';
import { AccountIdSchema, OrgUnitIdSchema } from './orgs.js';

/**
 * The account scope of a page and of its API calls, as one query parameter `scope`:
 * - absent or `all`: every account of every connection (the default);
 * - `account:<connectionId>:<accountId>`: one account (a standalone connection's own account, or a
 *   member of an organization connection);
 * - `ou:<connectionId>:<ouId>`: the accounts of an OU of an organization connection and of every
 *   OU below it, as the stored directory of that connection says.
 * One parameter, so the web keeps the choice in the URL by carrying one value between pages.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'account'; connectionId: string; accountId: string }
  | { kind: 'ou'; connectionId: string; ou: string };

export const ALL_ACCOUNTS: Scope = { kind: 'all' };

const CONNECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The scope a `scope` parameter names, or null when it is malformed. */
export function parseScope(value: string | undefined | null): Scope | null {
  if (value === undefined || value === null || value === '' || value === 'all') return ALL_ACCOUNTS;
  const [kind, connectionId, id, ...rest] = value.split(':');
  if (rest.length > 0 || !connectionId || !CONNECTION_ID.test(connectionId) || !id) return null;
  if (kind === 'account' && AccountIdSchema.safeParse(id).success)
    return { kind: 'account', connectionId, accountId: id };
  if (kind === 'ou' && OrgUnitIdSchema.safeParse(id).success) return { kind: 'ou', connectionId, ou: id };
  return null;
}

/** The `scope` parameter of a scope (undefined for all accounts: the URL stays clean). */
export function scopeParam(scope: Scope): string | undefined {
  if (scope.kind === 'account') return `account:${scope.connectionId}:${scope.accountId}`;
  if (scope.kind === 'ou') return `ou:${scope.connectionId}:${scope.ou}`;
  return undefined;
}

/** The `scope` query field of every scoped route: a malformed value is a 400 (`scope_invalid`). */
export const ScopeField = z
  .string()
  .max(200)
  .optional()
  .transform((value, ctx) => {
    const scope = parseScope(value);
    if (scope) return scope;
    ctx.addIssue({ code: 'custom', message: 'scope_invalid' });
    return z.NEVER;
  });

/** A query of nothing but the scope (GET /api/dashboard, GET /api/collections). */
export const ScopeQuery = z.object({ scope: ScopeField });
export type ScopeQuery = z.input<typeof ScopeQuery>;
