import type { StoredCollection } from '../collections/types.js';
import { serviceOfCollector } from '../core/catalog.js';
import type { Finding } from '../core/findings.js';
import { SEVERITIES, type ServiceId } from '../core/services.js';
import type { DashboardSource } from '../shared/api/dashboard.js';
import type {
  FindingCountsResponse,
  ResourceFindingCount,
  ResourceFindingsQuery,
  ResourceFindingsResponse,
} from '../shared/api/resources.js';
import { latestRunPerServiceRegion, sourceOf } from './dashboard.js';
import type { StoredRun } from './store.js';
import { isOpen } from './summary.js';

export interface ResourceFindingsDeps {
  /** The collection the page shows (not found → 404): its account scopes the runs. */
  collection: (username: string, collectionId: string) => Promise<StoredCollection>;
  listRuns: (username: string) => Promise<StoredRun[]>;
  /** A run's findings with the mutes in force now (parsed once per run by the run store). */
  findingsOf: (run: StoredRun, username: string) => Promise<Finding[]>;
}

const accountOf = (x: { accountId?: string | undefined; connectionId: string }) =>
  x.accountId ?? x.connectionId;
const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));
const isOpenUnmuted = (f: Finding) => isOpen(f) && !f.muted;

/**
 * A resource's findings and the inventory tables' per-resource counts, each service × region from
 * the latest completed run of the collection's account that covered it (as on the dashboard).
 * Reads the run records and the source runs' parsed findings, never a collection document.
 */
export function createResourceFindings(deps: ResourceFindingsDeps) {
  async function sourcesFor(username: string, collectionId: string) {
    const collection = await deps.collection(username, collectionId);
    const runs = (await deps.listRuns(username)).filter(
      (r) => r.status === 'completed' && accountOf(r) === accountOf(collection),
    );
    return { sources: latestRunPerServiceRegion(runs), runs: new Map(runs.map((r) => [r.runId, r])) };
  }

  /** The findings of every source run that `keep` selects, each only where its run is the source. */
  async function sourcedFindings(
    username: string,
    sources: readonly DashboardSource[],
    runs: ReadonlyMap<string, StoredRun>,
    keep: (f: Finding) => boolean,
  ): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const runId of new Set(sources.map((s) => s.runId))) {
      const run = runs.get(runId);
      if (!run) continue;
      for (const f of await deps.findingsOf(run, username)) {
        if (keep(f) && sourceOf(sources, f.service, f.region)?.runId === runId) out.push(f);
      }
    }
    return out;
  }

  return {
    async forResource(username: string, query: ResourceFindingsQuery): Promise<ResourceFindingsResponse> {
      const { sources, runs } = await sourcesFor(username, query.collectionId);
      const own = sourceOf(sources, serviceOfCollector(query.collector), query.region);
      const findings = await sourcedFindings(
        username,
        sources,
        runs,
        (f) =>
          f.region === query.region &&
          (f.resourceId === query.resourceId || f.resourceArn === query.resourceId),
      );
      const open = findings.filter(isOpenUnmuted);
      const savings = open.reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0);
      const bySeverity = (a: Finding, b: Finding) =>
        (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) ||
        a.checkId.localeCompare(b.checkId);
      return {
        run: own ? { runId: own.runId, finishedAt: own.at } : null,
        open: open.sort(bySeverity),
        muted: findings.filter((f) => f.muted).sort(bySeverity),
        passed: findings.filter((f) => !f.muted && f.status === 'pass').sort(bySeverity),
        unknown: findings.filter((f) => !f.muted && f.status === 'unknown').sort(bySeverity),
        estimatedMonthlySavingsUsd: Math.round(savings * 100) / 100,
      };
    },

    /** Open findings per resource of one service's checks (the service's inventory tables). */
    async counts(username: string, collectionId: string, service: ServiceId): Promise<FindingCountsResponse> {
      const { sources, runs } = await sourcesFor(username, collectionId);
      const counts = new Map<string, ResourceFindingCount>();
      const ofService = (f: Finding) => f.service === service && isOpenUnmuted(f);
      for (const f of await sourcedFindings(username, sources, runs, ofService)) {
        const key = `${f.region}\u0000${f.resourceId}`;
        const current = counts.get(key);
        if (!current)
          counts.set(key, { resourceId: f.resourceId, region: f.region, open: 1, severity: f.severity });
        else {
          current.open++;
          if ((severityRank.get(f.severity) ?? 0) < (severityRank.get(current.severity) ?? 0))
            current.severity = f.severity;
        }
      }
      return { counts: [...counts.values()] };
    },
  };
}

export type ResourceFindings = ReturnType<typeof createResourceFindings>;
