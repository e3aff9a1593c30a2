import { AdvisorError } from '../advisor/errors.js';
import type { AdvisorService } from '../advisor/service.js';
import type { AnyCheck } from '../checks/lib/run-checks.js';
import type { ComplianceFrameworkId, ComplianceMapping } from '../core/compliance.js';
import type { AdvisorRunDetailResponse, AdvisorRunSummary } from '../shared/api/advisor.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
import { FRAMEWORKS } from './frameworks/index.js';
import { type ComplianceRollup, rollUpCompliance } from './rollup.js';

/** How many runs the trend shows. */
export const TREND_RUNS = 10;

type RunReader = Pick<AdvisorService, 'getRun' | 'listRuns'>;

function mappingsOf(checks: readonly AnyCheck[]): Map<string, ComplianceMapping> {
  return new Map(checks.flatMap((c) => (c.compliance ? [[c.id, c.compliance] as const] : [])));
}

function rollUpRun(
  detail: AdvisorRunDetailResponse,
  frameworkId: ComplianceFrameworkId,
  mappings: ReadonlyMap<string, ComplianceMapping>,
): ComplianceRollup {
  return rollUpCompliance({
    framework: FRAMEWORKS[frameworkId],
    mappings,
    executedCheckIds: new Set(detail.checks.map((c) => c.id)),
    // Muted findings keep their status: a control is about the account's state, not the triage.
    findings: [...detail.findings, ...detail.muted],
  });
}

/** The account's completed runs up to `run`, oldest first. */
function trendRuns(all: readonly AdvisorRunSummary[], run: AdvisorRunSummary): AdvisorRunSummary[] {
  return all
    .filter(
      (r) =>
        r.status === 'completed' &&
        r.requestedAt <= run.requestedAt &&
        (r.accountId ?? null) === (run.accountId ?? null),
    )
    .slice(0, TREND_RUNS)
    .reverse();
}

/**
 * One run's compliance view of a framework, with the trend over the account's previous runs
 * (`withTrend: false`: the run alone, for reports).
 */
export async function complianceForRun(
  advisor: RunReader,
  checks: readonly AnyCheck[],
  options: { username: string; runId: string; framework: ComplianceFrameworkId; withTrend?: boolean },
): Promise<ComplianceResponse> {
  const detail = await advisor.getRun(options.username, options.runId);
  if (detail.run.status !== 'completed')
    throw new AdvisorError('run_not_completed', 'The run has not completed: there is no compliance view yet');
  const mappings = mappingsOf(checks);
  const framework = FRAMEWORKS[options.framework];
  const rollup = rollUpRun(detail, options.framework, mappings);
  const titles = new Map(checks.map((c) => [c.id, c.title]));

  const earlier =
    options.withTrend === false
      ? [detail.run]
      : trendRuns(await advisor.listRuns(options.username, { limit: 200 }), detail.run);
  const trend = await Promise.all(
    earlier.map(async (r) => {
      const rolled =
        r.runId === detail.run.runId
          ? rollup
          : rollUpRun(await advisor.getRun(options.username, r.runId), options.framework, mappings);
      return {
        runId: r.runId,
        requestedAt: r.requestedAt,
        counts: rolled.counts,
        passShare: rolled.passShare,
      };
    }),
  );

  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      koreanFirst: framework.koreanFirst ?? false,
      sections: Object.entries(framework.sections).map(([id, title]) => ({ id, title })),
    },
    run: {
      runId: detail.run.runId,
      requestedAt: detail.run.requestedAt,
      ...(detail.run.accountId ? { accountId: detail.run.accountId } : {}),
    },
    counts: rollup.counts,
    passShare: rollup.passShare,
    controls: rollup.controls.map((control) => ({
      ...control,
      checks: control.checks.map((c) => {
        const title = titles.get(c.checkId);
        return { ...c, ...(title ? { title } : {}) };
      }),
    })),
    trend,
  };
}
