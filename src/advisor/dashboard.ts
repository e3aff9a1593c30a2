import { ANY_REGION, coverageSourceOf, latestPerServiceRegion } from '../core/coverage.js';
import type { Finding } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';
import type { DashboardResponse, DashboardSource } from '../shared/api/dashboard.js';
import { isOpen, summarizeFindings } from './summary.js';

type RunRef = Pick<
  AdvisorRunSummary,
  'runId' | 'status' | 'services' | 'regions' | 'requestedAt' | 'finishedAt' | 'connectionId'
> & { accountId?: string | undefined };

const finishedAt = (run: RunRef) => run.finishedAt ?? run.requestedAt;

export { ANY_REGION };

/** The account a run or a source belongs to: its connection and (a member's) account id. */
export const accountKeyOf = (x: { connectionId: string; accountId?: string | undefined }) =>
  `${x.connectionId}\u0000${x.accountId ?? ''}`;

/**
 * For each account × service × region, the latest completed run of that account that covered the
 * pair, so a later run of fewer regions never shrinks the dashboard and one account's run never
 * hides another's; plus one `global` entry per account × service (see ANY_REGION). "Latest" is by
 * finish time, not by list order: two runs started together may finish in either order.
 */
export function latestRunPerServiceRegion(runs: readonly RunRef[]): DashboardSource[] {
  const byAccount = new Map<string, RunRef[]>();
  for (const run of runs)
    byAccount.set(accountKeyOf(run), [...(byAccount.get(accountKeyOf(run)) ?? []), run]);
  return [...byAccount.values()].flatMap((accountRuns) =>
    latestPerServiceRegion(accountRuns, (run) =>
      run.status === 'completed'
        ? { services: run.services, regions: run.regions, at: finishedAt(run) }
        : null,
    ).map(({ service, region, source }) => ({
      service,
      region,
      runId: source.runId,
      at: finishedAt(source),
      connectionId: source.connectionId,
      ...(source.accountId ? { accountId: source.accountId } : {}),
    })),
  );
}

/** The run a finding's service × region is taken from (its region's source, else the service's global one). */
export function sourceOf(sources: readonly DashboardSource[], service: ServiceId, region: string) {
  return coverageSourceOf(sources, service, region);
}

/** The biggest open savings first (failing or warning, unmuted, with a positive figure). */
export function topSavings(findings: readonly Finding[], limit = 10): Finding[] {
  return findings
    .filter((f) => isOpen(f) && !f.muted && (f.estimatedMonthlySavingsUsd ?? 0) > 0)
    .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0))
    .slice(0, limit);
}

/**
 * Each account × service × region's findings from its own source run only (the dashboard and the
 * Spend page): a run's findings are kept where that run is the source among its account's sources.
 */
export function mergedFindings(
  sources: readonly DashboardSource[],
  findingsByRun: ReadonlyMap<string, readonly Finding[]>,
): Finding[] {
  return [...findingsByRun].flatMap(([runId, findings]) => {
    const own = sources.find((s) => s.runId === runId);
    if (!own) return [];
    const ofAccount = sources.filter((s) => accountKeyOf(s) === accountKeyOf(own));
    return findings.filter((f) => sourceOf(ofAccount, f.service, f.region)?.runId === runId);
  });
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
