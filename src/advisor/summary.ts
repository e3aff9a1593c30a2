import type { Finding } from '../core/findings.js';
import { CATEGORIES, type Category, FINDING_STATUSES, SEVERITIES } from '../core/services.js';
import { computeScore, type ScoredFinding, type ScoreResult, scoresByService } from '../reports/score.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';

export type RunResults = NonNullable<AdvisorRunSummary['results']>;

const zeroes = <K extends string>(values: readonly K[]) =>
  Object.fromEntries(values.map((v) => [v, 0])) as Record<K, number>;

/** What a summary reads of a finding; a tally stands for `count` alike findings and their summed savings. */
export type SummarizedFinding = ScoredFinding & Pick<Finding, 'category' | 'estimatedMonthlySavingsUsd'>;

/** Failing and warning findings are the open ones (what the user has to act on). */
export const isOpen = (f: Pick<Finding, 'status'>) => f.status === 'fail' || f.status === 'warning';

/**
 * Counts, scores and savings of a run's findings after mutes were applied: muted findings are
 * counted apart and left out of everything else (src/reports/score.ts does the same for scores).
 */
export function summarizeFindings(findings: readonly SummarizedFinding[]): RunResults {
  const countsByStatus = zeroes(FINDING_STATUSES);
  const openBySeverity = zeroes(SEVERITIES);
  const openByCategory = zeroes(CATEGORIES);
  let mutedCount = 0;
  let savings = 0;
  for (const f of findings) {
    const count = f.count ?? 1;
    if (f.muted) {
      mutedCount += count;
      continue;
    }
    countsByStatus[f.status] += count;
    if (!isOpen(f)) continue;
    openBySeverity[f.severity] += count;
    openByCategory[f.category] += count;
    savings += f.estimatedMonthlySavingsUsd ?? 0;
  }
  const scoreByCategory: Partial<Record<Category, ScoreResult>> = {};
  for (const category of CATEGORIES) {
    const inCategory = findings.filter((f) => f.category === category);
    if (inCategory.length > 0) scoreByCategory[category] = computeScore(inCategory);
  }
  return {
    score: computeScore(findings),
    scoreByService: scoresByService(findings),
    scoreByCategory,
    countsByStatus,
    openBySeverity,
    openByCategory,
    mutedCount,
    // Cents: float sums of many small figures otherwise show as 12.340000000001.
    estimatedMonthlySavingsUsd: Math.round(savings * 100) / 100,
  };
}
