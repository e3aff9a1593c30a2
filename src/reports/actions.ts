import type { CheckSummary, Finding } from '../core/findings.js';
import { SEVERITIES, type Severity } from '../core/services.js';
import { isOpen } from './model.js';

/** One check with open findings, as the executive summary names it in words. */
export interface ActionItem {
  check: CheckSummary;
  severity: Severity;
  /** Open findings of the check. */
  count: number;
  regions: string[];
  /** Names (or ids) of the first affected resources. */
  examples: string[];
  savingsUsd: number;
}

export interface TopActions {
  /** Most severe checks first, then the most resources; info-level checks are not risks. */
  risks: ActionItem[];
  /** Checks with the largest estimated monthly savings. */
  savings: ActionItem[];
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));
const rank = (s: Severity) => SEVERITY_RANK.get(s) ?? SEVERITIES.length;
const EXAMPLES = 3;

/** Groups the open findings by check and picks what a manager should act on first. */
export function topActions(
  findings: readonly Finding[],
  checkOf: (finding: Finding) => CheckSummary,
  count = 5,
): TopActions {
  const byCheck = new Map<string, ActionItem>();
  for (const finding of findings) {
    if (!isOpen(finding)) continue;
    let item = byCheck.get(finding.checkId);
    if (!item) {
      const check = checkOf(finding);
      item = { check, severity: check.severity, count: 0, regions: [], examples: [], savingsUsd: 0 };
      byCheck.set(finding.checkId, item);
    }
    item.count += 1;
    if (!item.regions.includes(finding.region)) item.regions.push(finding.region);
    if (item.examples.length < EXAMPLES) item.examples.push(finding.resourceName ?? finding.resourceId);
    const savings = finding.estimatedMonthlySavingsUsd;
    if (savings !== undefined && Number.isFinite(savings) && savings > 0) item.savingsUsd += savings;
  }
  const items = [...byCheck.values()];
  for (const item of items) item.regions.sort();
  const risks = items
    .filter((i) => i.severity !== 'info')
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) || b.count - a.count || a.check.id.localeCompare(b.check.id),
    )
    .slice(0, count);
  const savings = items
    .filter((i) => i.savingsUsd > 0)
    .sort((a, b) => b.savingsUsd - a.savingsUsd || a.check.id.localeCompare(b.check.id))
    .slice(0, count);
  return { risks, savings };
}

/** The most severe findings first (for "new since the previous run"). */
export function mostSevere(findings: readonly Finding[], count = 5): Finding[] {
  return [...findings]
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.checkId.localeCompare(b.checkId))
    .slice(0, count);
}
