import type { Finding } from '../core/findings.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';
import type { DashboardResponse, DashboardSource } from '../shared/api/dashboard.js';
import { isOpen, summarizeFindings } from './summary.js';

type RunRef = Pick<AdvisorRunSummary, 'runId' | 'status' | 'services' | 'requestedAt' | 'finishedAt'>;

const finishedAt = (run: RunRef) => run.finishedAt ?? run.requestedAt;

/**
 * For each service, the latest completed run that evaluated it. "Latest" is by finish time, not
 * by list order: two runs started together may finish in either order.
 */
export function latestRunPerService(runs: readonly RunRef[]): DashboardSource[] {
  const best = new Map<ServiceId, RunRef>();
  for (const run of runs) {
    if (run.status !== 'completed') continue;
    for (const service of run.services) {
      const current = best.get(service);
      if (!current || finishedAt(run) > finishedAt(current)) best.set(service, run);
    }
  }
  return SERVICE_IDS.flatMap((service) => {
    const run = best.get(service);
    return run ? [{ service, runId: run.runId, at: finishedAt(run) }] : [];
  });
}

/** The biggest open savings first (failing or warning, unmuted, with a positive figure). */
export function topSavings(findings: readonly Finding[], limit = 10): Finding[] {
  return findings
    .filter((f) => isOpen(f) && !f.muted && (f.estimatedMonthlySavingsUsd ?? 0) > 0)
    .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0))
    .slice(0, limit);
}

/** Each service's findings from its own source run only (the dashboard and the Spend page). */
export function mergedFindings(
  sources: readonly DashboardSource[],
  findingsByRun: ReadonlyMap<string, readonly Finding[]>,
): Finding[] {
  return sources.flatMap(({ service, runId }) =>
    (findingsByRun.get(runId) ?? []).filter((f) => f.service === service),
  );
}

/**
 * Each service's findings from its own source run only (a full run's S3 findings are replaced by
 * a later S3-only run's), then one summary over the lot. `findingsByRun` holds the findings of
 * every source run with mutes already applied.
 */
export function mergeDashboard(
  sources: readonly DashboardSource[],
  findingsByRun: ReadonlyMap<string, readonly Finding[]>,
): DashboardResponse {
  const merged = mergedFindings(sources, findingsByRun);
  return {
    sources: [...sources],
    results: sources.length > 0 ? summarizeFindings(merged) : null,
    topSavings: topSavings(merged),
  };
}
