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

export function computeScore(findings: readonly Finding[]): ScoreResult {
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
    if (finding.muted) {
      result.muted += 1;
      continue;
    }
    const weight = SEVERITY_WEIGHTS[finding.severity];
    switch (finding.status) {
      case 'pass':
        result.passed += 1;
        passWeight += weight;
        break;
      case 'fail':
        result.failed += 1;
        penaltyWeight += weight;
        break;
      case 'warning':
        result.warning += 1;
        penaltyWeight += weight * WARNING_FACTOR;
        break;
      case 'unknown':
        result.unknown += 1;
        break;
      case 'not_applicable':
        result.notApplicable += 1;
        break;
    }
  }
  const denominator = passWeight + penaltyWeight;
  result.score = denominator > 0 ? Math.round((100 * passWeight) / denominator) : null;
  return result;
}

/** Score of every service that has findings, in the canonical service order. */
export function scoresByService(findings: readonly Finding[]): Partial<Record<ServiceId, ScoreResult>> {
  const grouped = new Map<ServiceId, Finding[]>();
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
