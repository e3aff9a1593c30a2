import { latestRunPerServiceRegion, mergedFindings } from '../advisor/dashboard.js';
import type { StoredRun } from '../advisor/store.js';
import { summarizeFindings } from '../advisor/summary.js';
import type { Finding } from '../core/findings.js';
import type { Connection } from '../shared/api/connections.js';
import type { AccountRollup, AccountRollupQuery, AccountRollupResponse } from '../shared/api/rollup.js';
import type { ResolvedScope } from './scope.js';
import type { OrgDirectory } from './types.js';

export interface RollupDeps {
  connections: (username: string) => Promise<Connection[]>;
  directory: (username: string, connectionId: string) => Promise<OrgDirectory | null>;
  /** The latest completed run of each account × service × region (one index document). */
  sourceRuns: (username: string) => Promise<StoredRun[]>;
  findingsOf: (run: StoredRun, username: string) => Promise<Finding[]>;
}

type Candidate = Pick<AccountRollup, 'connectionId' | 'accountId' | 'name' | 'ouPath'>;

const keyOf = (connectionId: string, accountId: string) => `${connectionId}\u0000${accountId}`;
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
 * merged per service × region exactly as the dashboard does for one account.
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
        out.set(keyOf(connection.id, a.id), {
          connectionId: connection.id,
          accountId: a.id,
          name: a.name,
          ...('ouPath' in a && a.ouPath ? { ouPath: a.ouPath } : {}),
        });
      }
    }
    return out;
  }

  async function figures(username: string, candidate: Candidate, runs: StoredRun[]): Promise<AccountRollup> {
    const sources = latestRunPerServiceRegion(runs);
    const findingsByRun = new Map<string, Finding[]>();
    for (const run of runs)
      if (sources.some((s) => s.runId === run.runId))
        findingsByRun.set(run.runId, await deps.findingsOf(run, username));
    const results = sources.length > 0 ? summarizeFindings(mergedFindings(sources, findingsByRun)) : null;
    const latest = runs.reduce<StoredRun | null>(
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
    const runsByAccount = new Map<string, StoredRun[]>();
    for (const run of await deps.sourceRuns(username)) {
      const key = keyOf(run.connectionId, run.accountId ?? '');
      if (!accounts.has(key) || run.status !== 'completed') continue;
      runsByAccount.set(key, [...(runsByAccount.get(key) ?? []), run]);
    }
    const rows: AccountRollup[] = [];
    for (const [key, candidate] of accounts)
      rows.push(await figures(username, candidate, runsByAccount.get(key) ?? []));
    rows.sort(
      (a, b) =>
        ORDER[query.sort](a, b) || a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId),
    );
    return { total: rows.length, accounts: rows.slice(query.offset, query.offset + query.limit) };
  };
}

export type AccountRollupService = ReturnType<typeof createAccountRollup>;
