import type { MuteAccounts, MuteScopeProblem, MuteTarget } from '../advisor/mutes.js';
import type { ConnectionService } from '../connections/service.js';
import type { Connection } from '../shared/api/connections.js';
import type { OrgService } from './service.js';
import type { OrgDirectory } from './types.js';

/** The OU ids from the root to the account's OU (empty when the directory does not know the account). */
export function ouPathOf(directory: Pick<OrgDirectory, 'units' | 'accounts'>, accountId: string): string[] {
  const account = directory.accounts.find((a) => a.id === accountId);
  if (!account) return [];
  const parentOf = new Map(directory.units.map((u) => [u.id, u.parentId]));
  const path: string[] = [];
  // Bounded by the number of units, so a damaged directory with a cycle cannot loop forever.
  for (let id: string | null | undefined = account.ouId; id && path.length <= directory.units.length; )
    if (parentOf.has(id)) {
      path.unshift(id);
      id = parentOf.get(id);
    } else break;
  return path;
}

/** One user's connections and organization directories, each read at most once. */
function accountsOf(deps: { connections: ConnectionService; orgs: OrgService }, username: string) {
  let connections: Promise<Map<string, Connection>> | undefined;
  const directories = new Map<string, Promise<OrgDirectory | null>>();
  const connection = async (id: string) => {
    connections ??= deps.connections.list(username).then((all) => new Map(all.map((c) => [c.id, c])));
    return (await connections).get(id);
  };
  /** The directory of `owner`, a connection `connection()` found: its ownership is read already. */
  const directory = (owner: Connection) => {
    let found = directories.get(owner.id);
    if (!found) {
      found = deps.orgs.readOwned(username, owner).catch(() => null);
      directories.set(owner.id, found);
    }
    return found;
  };
  return { connection, directory };
}

/**
 * Mute scopes against the user's own connections (another user's connection id is unknown here, as
 * everywhere) and the organization directories stored for them.
 */
export function createMuteAccounts(deps: {
  connections: ConnectionService;
  orgs: OrgService;
}): MuteAccounts & {
  /** A resolver of runs' accounts for one batch of runs (each connection and directory read once). */
  targets(
    username: string,
  ): (ref: { connectionId: string; accountId?: string }) => Promise<MuteTarget | undefined>;
} {
  return {
    async check(username, scope): Promise<MuteScopeProblem | null> {
      if (scope.kind === 'all') return null;
      const { connection, directory } = accountsOf(deps, username);
      const owner = await connection(scope.connectionId);
      if (!owner) return 'connection_not_found';
      if (scope.kind === 'account') {
        if (scope.accountId === owner.accountId) return null;
        if (!owner.organization) return 'account_not_in_connection';
        const found = await directory(owner);
        if (!found) return 'organization_not_discovered';
        return found.accounts.some((a) => a.id === scope.accountId) ? null : 'account_not_in_organization';
      }
      if (!owner.organization) return 'not_an_organization';
      const found = await directory(owner);
      if (!found) return 'organization_not_discovered';
      return found.units.some((u) => u.id === scope.ouId) ? null : 'ou_not_found';
    },

    async names(username, scopes) {
      const { connection, directory } = accountsOf(deps, username);
      return await Promise.all(
        scopes.map(async (scope) => {
          if (!scope || scope.kind === 'all') return undefined;
          const owner = await connection(scope.connectionId);
          if (!owner) return {};
          const found = owner.organization ? await directory(owner) : null;
          const base = { connectionName: owner.name };
          if (scope.kind === 'account') {
            const name = found?.accounts.find((a) => a.id === scope.accountId)?.name;
            return name ? { ...base, accountName: name } : base;
          }
          const unit = found?.units.find((u) => u.id === scope.ouId);
          return unit ? { ...base, ouName: unit.name, ouPath: unit.path } : base;
        }),
      );
    },

    targets(username) {
      const { connection, directory } = accountsOf(deps, username);
      return async (ref) => {
        const owner = await connection(ref.connectionId);
        // A run of a deleted connection: its own account id is all it can still be told by.
        const accountId = ref.accountId ?? owner?.accountId;
        if (!accountId) return undefined;
        const found = owner?.organization ? await directory(owner) : null;
        return {
          connectionId: ref.connectionId,
          accountId,
          ...(found ? { ouPath: ouPathOf(found, accountId) } : {}),
        };
      };
    },
  };
}
