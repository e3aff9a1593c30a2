import { compareFindings } from '../advisor/compare.js';
import { isOpen } from '../advisor/summary.js';
import type { Finding } from '../core/findings.js';
import { SEVERITIES, type ServiceId } from '../core/services.js';
import type { QuietHours, Rule } from '../shared/api/notify.js';
import type { MessageFinding, NotificationContent } from './messages.js';

/** How many findings a message lists by name; the rest are counted. */
export const TOP_ITEMS = 10;

/** A finished advisor run as the rules see it (muted findings already removed). */
export interface RunOutcome {
  runId: string;
  connectionId: string;
  connectionName?: string;
  accountId?: string;
  status: 'completed' | 'failed';
  failureReason?: string;
  /** The collection completed with errors (some services or regions could not be read). */
  partial: boolean;
  services: ServiceId[];
  findings: Finding[];
  /** The previous completed run of the same account, or null for the first one. */
  previous: { services: ServiceId[]; findings: Finding[] } | null;
  link?: string;
}

const rank = (f: Pick<Finding, 'severity'>) => SEVERITIES.indexOf(f.severity);

const toItem = (f: Finding): MessageFinding => ({
  checkId: f.checkId,
  severity: f.severity,
  resourceId: f.resourceId,
  region: f.region,
  message: f.message,
  ...(f.estimatedMonthlySavingsUsd ? { estimatedMonthlySavingsUsd: f.estimatedMonthlySavingsUsd } : {}),
});

/** Most severe first, then the largest savings. */
const top = (findings: Finding[]) =>
  [...findings]
    .sort(
      (a, b) =>
        rank(a) - rank(b) || (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0),
    )
    .slice(0, TOP_ITEMS)
    .map(toItem);

const openSavings = (findings: Finding[], services: readonly ServiceId[]) =>
  Math.round(
    findings
      .filter((f) => isOpen(f) && !f.muted && services.includes(f.service))
      .reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0) * 100,
  ) / 100;

const topSavings = (findings: Finding[], services: readonly ServiceId[]) =>
  findings
    .filter((f) => isOpen(f) && services.includes(f.service) && (f.estimatedMonthlySavingsUsd ?? 0) > 0)
    .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0))
    .slice(0, 5)
    .map(toItem);

function savingsTriggered(rule: Rule, before: number, after: number): boolean {
  const delta = Math.abs(after - before);
  if (delta === 0) return false;
  const { savingsChangeUsd, savingsChangePercent } = rule.triggers;
  if (savingsChangeUsd !== undefined && delta >= savingsChangeUsd) return true;
  if (savingsChangePercent === undefined) return false;
  return before === 0 || (delta / before) * 100 >= savingsChangePercent;
}

/**
 * The digest one rule sends for one run, or null when nothing it watches happened. "New" means
 * open now and not open in the previous completed run of the same account (compareFindings).
 */
export function evaluateRule(rule: Rule, run: RunOutcome): NotificationContent | null {
  if (!rule.enabled) return null;
  if (rule.connectionId && rule.connectionId !== run.connectionId) return null;
  const t = rule.triggers;
  const base: NotificationContent = {
    kind: 'run',
    runId: run.runId,
    ...(run.connectionName ? { connectionName: run.connectionName } : {}),
    ...(run.accountId ? { accountId: run.accountId } : {}),
    outcome: run.status === 'failed' ? 'failed' : run.partial ? 'partial' : 'completed',
    ...(run.failureReason ? { failureReason: run.failureReason } : {}),
    newCount: 0,
    newTop: [],
    resolvedCount: 0,
    resolvedTop: [],
    ...(run.link ? { link: run.link } : {}),
  };
  const failureTriggered = t.scanFailed && (run.status === 'failed' || run.partial);
  if (run.status === 'failed') return failureTriggered ? base : null;

  const current = run.findings.filter((f) => !f.muted);
  const previous = run.previous ? run.previous.findings.filter((f) => !f.muted) : [];
  const diff = run.previous
    ? compareFindings(
        { services: run.previous.services, findings: previous },
        { services: run.services, findings: current },
      )
    : { new: current.filter(isOpen), resolved: [] };
  const minRank = t.newFindingsMinSeverity === undefined ? -1 : SEVERITIES.indexOf(t.newFindingsMinSeverity);
  const watched = diff.new.filter((f) => rank(f) <= minRank || t.checkIds.includes(f.checkId));
  const resolved = t.resolvedFindings ? diff.resolved.map((r) => r.before) : [];
  const services = run.previous
    ? run.services.filter((s) => run.previous?.services.includes(s))
    : run.services;
  const after = openSavings(current, services);
  const before = run.previous ? openSavings(previous, services) : null;
  const savingsChanged = before !== null && savingsTriggered(rule, before, after);

  if (!failureTriggered && watched.length === 0 && resolved.length === 0 && !savingsChanged) return null;
  return {
    ...base,
    newCount: watched.length,
    newTop: top(watched),
    resolvedCount: resolved.length,
    resolvedTop: top(resolved),
    savings: { beforeUsd: before, afterUsd: after },
    ...(savingsChanged ? { savingsTop: topSavings(current, services) } : {}),
  };
}

/** Minutes since local midnight of `at` in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When quiet hours hold a message sent at `at`: the end of the quiet period, or null when not quiet. */
export function quietUntil(quiet: QuietHours | undefined, at: Date): Date | null {
  if (!quiet) return null;
  const now = localMinutes(at, quiet.timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start <= end ? now >= start && now < end : now >= start || now < end;
  if (!inside || start === end) return null;
  const wait = (end - now + 24 * 60) % (24 * 60);
  const until = new Date(at.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
