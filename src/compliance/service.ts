import { AdvisorError } from '../advisor/errors.js';
import type { AdvisorService } from '../advisor/service.js';
import type { AnyCheck } from '../checks/lib/run-checks.js';
import type { ComplianceFrameworkId, ComplianceMapping } from '../core/compliance.js';
import type { Finding } from '../core/findings.js';
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

export interface ComplianceRunInput {
  run: ComplianceResponse['run'];
  /** The checks the run executed: a mapped check it did not run leaves its controls `unknown`. */
  executedCheckIds: ReadonlySet<string>;
  /** Every finding of the run, muted ones included (a control is about the account's state). */
  findings: readonly Finding[];
}

function rollUp(
  input: Omit<ComplianceRunInput, 'run'>,
  frameworkId: ComplianceFrameworkId,
  mappings: ReadonlyMap<string, ComplianceMapping>,
): ComplianceRollup {
  return rollUpCompliance({
    framework: FRAMEWORKS[frameworkId],
    mappings,
    executedCheckIds: input.executedCheckIds,
    findings: input.findings,
  });
}

const runInputOf = (detail: AdvisorRunDetailResponse): Omit<ComplianceRunInput, 'run'> => ({
  executedCheckIds: new Set(detail.checks.map((c) => c.id)),
  findings: [...detail.findings, ...detail.muted],
});

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
 * The compliance view of one set of findings (a stored run's, or a command-line scan's), with the
 * trend given (a scan has no earlier runs: its trend is itself).
 */
export function complianceView(
  checks: readonly AnyCheck[],
  framework: ComplianceFrameworkId,
  input: ComplianceRunInput,
  trend?: ComplianceResponse['trend'],
): ComplianceResponse {
  const definition = FRAMEWORKS[framework];
  const rollup = rollUp(input, framework, mappingsOf(checks));
  const titles = new Map(checks.map((c) => [c.id, c.title]));
  return {
    framework: {
      id: definition.id,
      name: definition.name,
      version: definition.version,
      koreanFirst: definition.koreanFirst ?? false,
      sections: Object.entries(definition.sections).map(([id, title]) => ({ id, title })),
    },
    run: input.run,
    counts: rollup.counts,
    passShare: rollup.passShare,
    controls: rollup.controls.map((control) => ({
      ...control,
      checks: control.checks.map((c) => {
        const title = titles.get(c.checkId);
        return { ...c, ...(title ? { title } : {}) };
      }),
    })),
    trend: trend ?? [
      {
        runId: input.run.runId,
        requestedAt: input.run.requestedAt,
        counts: rollup.counts,
        passShare: rollup.passShare,
      },
    ],
  };
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
  const run = {
    runId: detail.run.runId,
    requestedAt: detail.run.requestedAt,
    ...(detail.run.accountId ? { accountId: detail.run.accountId } : {}),
  };
  if (options.withTrend === false)
    return complianceView(checks, options.framework, { run, ...runInputOf(detail) });

  const mappings = mappingsOf(checks);
  const earlier = trendRuns(await advisor.listRuns(options.username, { limit: 200 }), detail.run);
  const trend = await Promise.all(
    earlier.map(async (r) => {
      const rolled = rollUp(
        runInputOf(r.runId === detail.run.runId ? detail : await advisor.getRun(options.username, r.runId)),
        options.framework,
        mappings,
      );
      return {
        runId: r.runId,
        requestedAt: r.requestedAt,
        counts: rolled.counts,
        passShare: rolled.passShare,
      };
    }),
  );
  return complianceView(checks, options.framework, { run, ...runInputOf(detail) }, trend);
}
