import { accountKeyOf } from '../advisor/dashboard.js';
import type { AccountFigures } from '../advisor/rollup.js';
import type { StoredRun } from '../advisor/store.js';
import type { Connection } from '../shared/api/connections.js';
import type { AccountRollup, AccountRollupQuery, AccountRollupResponse } from '../shared/api/rollup.js';
import type { ResolvedScope } from './scope.js';
import type { OrgDirectory } from './types.js';

export interface RollupDeps {
  connections: (username: string) => Promise<Connection[]>;
  directory: (username: string, connectionId: string) => Promise<OrgDirectory | null>;
  /** Each account's figures over its latest runs, by accountKeyOf (precomputed: src/advisor/rollup.ts). */
  accountFigures: (
    username: string,
    includes: (run: StoredRun) => boolean,
  ) => Promise<Map<string, AccountFigures>>;
}

type Candidate = Pick<AccountRollup, 'connectionId' | 'accountId' | 'name' | 'ouPath'>;

const openTotal = (a: AccountRollup) => Object.values(a.openBySeverity ?? {}).reduce((x, y) => x + y, 0);
const scoreOf = (a: AccountRollup) => a.score?.score ?? Number.POSITIVE_INFINITY;

const ORDER: Record<AccountRollupQuery['sort'] & string, (a: AccountRollup, b: AccountRollup) => number> = {
  risk: (a, b) => scoreOf(a) - scoreOf(b) || openTotal(b) - openTotal(a),
  open: (a, b) => openTotal(b) - openTotal(a),
  savings: (a, b) => b.estimatedMonthlySavingsUsd - a.estimatedMonthlySavingsUsd,
  name: (a, b) => a.name.localeCompare(b.name),
};

/**
 * The organization roll-up: every account in scope (an organization's members from its stored
 * directory, a standalone connection's own account) with the figures of its own latest runs,
 * merged per service × region exactly as the dashboard does for one account — read from the
 * precomputed run figures, so a page costs the same few reads for 5 accounts or 500.
 */
export function createAccountRollup(deps: RollupDeps) {
  /** The accounts the user's connections reach, in scope, by key. */
  async function candidates(username: string, scope: ResolvedScope): Promise<Map<string, Candidate>> {
    const out = new Map<string, Candidate>();
    for (const connection of await deps.connections(username)) {
      const directory = connection.organization ? await deps.directory(username, connection.id) : null;
      const accounts = directory?.accounts.map((a) => ({ id: a.id, name: a.name, ouPath: a.ouPath })) ?? [
        { id: connection.accountId, name: connection.name },
      ];
      for (const a of accounts) {
        const ref = { connectionId: connection.id, accountId: a.id };
        if (!scope.includes(ref)) continue;
        out.set(accountKeyOf({ connectionId: connection.id, accountId: a.id }), {
          connectionId: connection.id,
          accountId: a.id,
          name: a.name,
          ...('ouPath' in a && a.ouPath ? { ouPath: a.ouPath } : {}),
        });
      }
    }
    return out;
  }

  function row(candidate: Candidate, account: AccountFigures | undefined): AccountRollup {
    const results = account?.results ?? null;
    const latest = (account?.runs ?? []).reduce<StoredRun | null>(
      (best, r) => (!best || (r.finishedAt ?? '') > (best.finishedAt ?? '') ? r : best),
      null,
    );
    return {
      ...candidate,
      score: results?.score ?? null,
      openBySeverity: results?.openBySeverity ?? null,
      openByCategory: results?.openByCategory ?? null,
      estimatedMonthlySavingsUsd: results?.estimatedMonthlySavingsUsd ?? 0,
      lastRun: latest
        ? { runId: latest.runId, finishedAt: latest.finishedAt ?? latest.requestedAt, status: 'completed' }
        : null,
    };
  }

  return async function rollup(
    username: string,
    scope: ResolvedScope,
    query: { sort: AccountRollupQuery['sort'] & string; offset: number; limit: number },
  ): Promise<AccountRollupResponse> {
    const accounts = await candidates(username, scope);
    const figures = await deps.accountFigures(username, (run) => accounts.has(accountKeyOf(run)));
    const rows = [...accounts].map(([key, candidate]) => row(candidate, figures.get(key)));
    rows.sort(
      (a, b) =>
        ORDER[query.sort](a, b) || a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId),
    );
    return { total: rows.length, accounts: rows.slice(query.offset, query.offset + query.limit) };
  };
}

export type AccountRollupService = ReturnType<typeof createAccountRollup>;
