import type { Finding } from '../core/findings.js';
import { SEVERITIES, type Severity } from '../core/services.js';
import { isOpen } from '../reports/model.js';

const RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));

/** Open (failed or warning, not muted) findings whose severity is `threshold` or worse. */
export function openAtOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  const limit = RANK.get(threshold) ?? 0;
  return findings.filter((f) => isOpen(f) && (RANK.get(f.severity) ?? 99) <= limit);
}

const usd = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD`;

/** A few lines for stderr at the end of a scan: counts, savings, the worst checks, the gate. */
export function scanSummary(findings: readonly Finding[], failOn?: Severity): string {
  const tally = new FindingTally();
  tally.add(findings);
  return tally.summary(failOn);
}

/**
 * What the end-of-scan summary counts, folded from findings given in any number of batches (one
 * account's at a time in `scan --org`): the same lines as over all the findings at once.
 */
export class FindingTally {
  private readonly open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  private passed = 0;
  private unknown = 0;
  private savings = 0;
  /** Open findings per check, in the order the checks first appear. */
  private readonly perCheck = new Map<string, { severity: Severity; count: number }>();

  add(findings: readonly Finding[]): void {
    for (const f of findings) {
      if (f.status === 'pass') this.passed += 1;
      else if (f.status === 'unknown') this.unknown += 1;
      if (!isOpen(f)) continue;
      this.open[f.severity] += 1;
      this.savings += f.estimatedMonthlySavingsUsd ?? 0;
      const entry = this.perCheck.get(f.checkId) ?? { severity: f.severity, count: 0 };
      entry.count += 1;
      this.perCheck.set(f.checkId, entry);
    }
  }

  /** How many open findings are of `threshold` or worse. */
  openAtOrAbove(threshold: Severity): number {
    const limit = RANK.get(threshold) ?? 0;
    return SEVERITIES.filter((s) => (RANK.get(s) ?? 99) <= limit).reduce((sum, s) => sum + this.open[s], 0);
  }

  summary(failOn?: Severity): string {
    const openCount = SEVERITIES.reduce((sum, s) => sum + this.open[s], 0);
    const bySeverity = SEVERITIES.map((s) => `${s} ${this.open[s]}`).join(', ');
    const worst = [...this.perCheck.entries()]
      .sort(([, a], [, b]) => (RANK.get(a.severity) ?? 9) - (RANK.get(b.severity) ?? 9) || b.count - a.count)
      .slice(0, 5)
      .map(([id, e]) => `  ${e.severity.padEnd(8)} ${String(e.count).padStart(4)}  ${id}`);
    const lines = [
      '',
      `Summary: ${openCount} open finding(s) (${bySeverity}); ${this.passed} passed; ${this.unknown} not evaluated`,
      `Estimated savings: ${usd(Math.round(this.savings * 100) / 100)} per month`,
      ...(worst.length > 0 ? ['Top open checks:', ...worst] : []),
    ];
    if (failOn) {
      const failing = this.openAtOrAbove(failOn);
      lines.push(
        failing > 0
          ? `--fail-on ${failOn}: ${failing} open finding(s) at or above ${failOn}: exit 3`
          : `--fail-on ${failOn}: none at or above ${failOn}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
