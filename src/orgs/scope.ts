import type { ConnectionService } from '../connections/service.js';
import { DomainError } from '../core/errors.js';
import type { Scope } from '../shared/api/scope.js';
import { subtreeOf } from './discovery.js';
import type { OrgService } from './service.js';

/** What a run or a collection says of its account (older records may lack `accountId`). */
export interface AccountRef {
  connectionId: string;
  accountId?: string | undefined;
}

/** A scope with the test of whether a record is inside it. */
export interface ResolvedScope {
  scope: Scope;
  includes: (ref: AccountRef) => boolean;
}

export const ALL_INCLUDED: ResolvedScope = { scope: { kind: 'all' }, includes: () => true };

/**
 * Turns a scope into a test on records. The connection must be the user's (another user's id is a
 * 404, as everywhere); an OU is read from the connection's stored directory, whole subtree. A record
 * without `accountId` (written before accounts were recorded) is its connection's own account.
 */
export function createScopeResolver(deps: { connections: ConnectionService; orgs: OrgService }) {
  return async function resolveScope(username: string, scope: Scope): Promise<ResolvedScope> {
    if (scope.kind === 'all') return ALL_INCLUDED;
    const connection = await deps.connections.get(username, scope.connectionId);
    const accountOf = (ref: AccountRef) => ref.accountId ?? connection.accountId;
    if (scope.kind === 'account')
      return {
        scope,
        includes: (ref) => ref.connectionId === connection.id && accountOf(ref) === scope.accountId,
      };
    const directory = await deps.orgs.read(username, connection.id);
    if (!directory?.units.some((u) => u.id === scope.ou))
      throw new DomainError('not_found', 'ou_not_found', `No OU ${scope.ou} in this organization`);
    const units = subtreeOf(directory, scope.ou);
    const accounts = new Set(directory.accounts.filter((a) => units.has(a.ouId)).map((a) => a.id));
    return {
      scope,
      includes: (ref) => ref.connectionId === connection.id && accounts.has(accountOf(ref)),
    };
  };
}

export type ScopeResolver = ReturnType<typeof createScopeResolver>;
