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
  const open = findings.filter(isOpen);
  const bySeverity = SEVERITIES.map((s) => `${s} ${open.filter((f) => f.severity === s).length}`).join(', ');
  const passed = findings.filter((f) => f.status === 'pass').length;
  const unknown = findings.filter((f) => f.status === 'unknown').length;
  const savings = open.reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0);
  const perCheck = new Map<string, { severity: Severity; count: number }>();
  for (const f of open) {
    const entry = perCheck.get(f.checkId) ?? { severity: f.severity, count: 0 };
    entry.count += 1;
    perCheck.set(f.checkId, entry);
  }
  const worst = [...perCheck.entries()]
    .sort(([, a], [, b]) => (RANK.get(a.severity) ?? 9) - (RANK.get(b.severity) ?? 9) || b.count - a.count)
    .slice(0, 5)
    .map(([id, e]) => `  ${e.severity.padEnd(8)} ${String(e.count).padStart(4)}  ${id}`);
  const lines = [
    '',
    `Summary: ${open.length} open finding(s) (${bySeverity}); ${passed} passed; ${unknown} not evaluated`,
    `Estimated savings: ${usd(Math.round(savings * 100) / 100)} per month`,
    ...(worst.length > 0 ? ['Top open checks:', ...worst] : []),
  ];
  if (failOn) {
    const failing = openAtOrAbove(findings, failOn).length;
    lines.push(
      failing > 0
        ? `--fail-on ${failOn}: ${failing} open finding(s) at or above ${failOn}: exit 3`
        : `--fail-on ${failOn}: none at or above ${failOn}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
