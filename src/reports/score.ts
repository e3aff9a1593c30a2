import type { Finding } from '../core/findings.js';
import { SERVICE_IDS, type ServiceId, type Severity } from '../core/services.js';

/**
 * The advisor score, shared by the PDF, the JSON report and the advisor UI (through the API).
 *
 *   score = 100 × W(pass) / (W(pass) + W(fail) + 0.5 × W(warning))
 *
 * where W sums severity weights, so one open critical finding costs as much as eight low ones.
 * Muted findings (the user accepted the risk), `unknown` (not evaluated) and `not_applicable`
 * are left out: a score must not rise or fall because data was missing.
 */
export const SEVERITY_WEIGHTS: Record<Severity, number> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
  info: 0.5,
};

/** A warning counts as half a failure. */
export const WARNING_FACTOR = 0.5;

export interface ScoreResult {
  /** 0–100, rounded to an integer; null when nothing was evaluated. */
  score: number | null;
  passed: number;
  failed: number;
  warning: number;
  unknown: number;
  notApplicable: number;
  muted: number;
}

/**
 * What a score reads of a finding. A tally stands for `count` findings alike in these fields (the
 * precomputed roll-up of src/advisor/rollup-figures.ts); a finding is a tally of one.
 */
export type ScoredFinding = Pick<Finding, 'status' | 'severity' | 'service' | 'muted'> & { count?: number };

export function computeScore(findings: readonly ScoredFinding[]): ScoreResult {
  const result: ScoreResult = {
    score: null,
    passed: 0,
    failed: 0,
    warning: 0,
    unknown: 0,
    notApplicable: 0,
    muted: 0,
  };
  let passWeight = 0;
  let penaltyWeight = 0;
  for (const finding of findings) {
    const count = finding.count ?? 1;
    if (finding.muted) {
      result.muted += count;
      continue;
    }
    const weight = SEVERITY_WEIGHTS[finding.severity] * count;
    switch (finding.status) {
      case 'pass':
        result.passed += count;
        passWeight += weight;
        break;
      case 'fail':
        result.failed += count;
        penaltyWeight += weight;
        break;
      case 'warning':
        result.warning += count;
        penaltyWeight += weight * WARNING_FACTOR;
        break;
      case 'unknown':
        result.unknown += count;
        break;
      case 'not_applicable':
        result.notApplicable += count;
        break;
    }
  }
  const denominator = passWeight + penaltyWeight;
  result.score = denominator > 0 ? Math.round((100 * passWeight) / denominator) : null;
  return result;
}

/** Score of every service that has findings, in the canonical service order. */
export function scoresByService(findings: readonly ScoredFinding[]): Partial<Record<ServiceId, ScoreResult>> {
  const grouped = new Map<ServiceId, ScoredFinding[]>();
  for (const finding of findings) {
    const list = grouped.get(finding.service);
    if (list) list.push(finding);
    else grouped.set(finding.service, [finding]);
  }
  const scores: Partial<Record<ServiceId, ScoreResult>> = {};
  for (const service of SERVICE_IDS) {
    const list = grouped.get(service);
    if (list) scores[service] = computeScore(list);
  }
  return scores;
}
