import type { Finding } from '../core/findings.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';
import type { DashboardResponse, DashboardSource } from '../shared/api/dashboard.js';
import { isOpen, summarizeFindings } from './summary.js';

type RunRef = Pick<
  AdvisorRunSummary,
  'runId' | 'status' | 'services' | 'regions' | 'requestedAt' | 'finishedAt'
>;

const finishedAt = (run: RunRef) => run.finishedAt ?? run.requestedAt;

/**
 * The source of a service's global findings and of regions no run asked for (S3 buckets live
 * wherever they were made): the latest completed run of that service, whatever its regions.
 */
export const ANY_REGION = 'global';

/**
 * For each service × region, the latest completed run that covered the pair, so a later run of
 * fewer regions never shrinks the dashboard; plus one `global` entry per service (see ANY_REGION).
 * "Latest" is by finish time, not by list order: two runs started together may finish in either order.
 */
export function latestRunPerServiceRegion(runs: readonly RunRef[]): DashboardSource[] {
  const best = new Map<string, { service: ServiceId; region: string; run: RunRef }>();
  const consider = (service: ServiceId, region: string, run: RunRef) => {
    const key = `${service}|${region}`;
    const current = best.get(key);
    if (!current || finishedAt(run) > finishedAt(current.run)) best.set(key, { service, region, run });
  };
  for (const run of runs) {
    if (run.status !== 'completed') continue;
    for (const service of run.services) {
      consider(service, ANY_REGION, run);
      for (const region of run.regions) if (region !== ANY_REGION) consider(service, region, run);
    }
  }
  const order = (region: string) => (region === ANY_REGION ? '' : region);
  return [...best.values()]
    .sort(
      (a, b) =>
        SERVICE_IDS.indexOf(a.service) - SERVICE_IDS.indexOf(b.service) ||
        order(a.region).localeCompare(order(b.region)),
    )
    .map(({ service, region, run }) => ({ service, region, runId: run.runId, at: finishedAt(run) }));
}

/** The run a finding's service × region is taken from (its region's source, else the service's global one). */
export function sourceOf(sources: readonly DashboardSource[], service: ServiceId, region: string) {
  return (
    sources.find((s) => s.service === service && s.region === region) ??
    sources.find((s) => s.service === service && s.region === ANY_REGION)
  );
}

/** The biggest open savings first (failing or warning, unmuted, with a positive figure). */
export function topSavings(findings: readonly Finding[], limit = 10): Finding[] {
  return findings
    .filter((f) => isOpen(f) && !f.muted && (f.estimatedMonthlySavingsUsd ?? 0) > 0)
    .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0))
    .slice(0, limit);
}

/** Each service × region's findings from its own source run only (the dashboard and the Spend page). */
export function mergedFindings(
  sources: readonly DashboardSource[],
  findingsByRun: ReadonlyMap<string, readonly Finding[]>,
): Finding[] {
  return [...findingsByRun].flatMap(([runId, findings]) =>
    findings.filter((f) => sourceOf(sources, f.service, f.region)?.runId === runId),
  );
}

/**
 * Each service × region's findings from its own source run only (a full run's S3 findings are
 * replaced by a later S3-only run's, a later run of one region replaces only that region's), then
 * one summary over the lot. `findingsByRun` holds the findings of every source run, mutes applied.
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
