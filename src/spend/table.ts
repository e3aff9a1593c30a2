/**
 * Pure parts of the Spend page: the months asked for, the month-over-month change, the advisor's
 * savings mapped onto Cost Explorer service names, and the rows of the table.
 */
import type { MonthlyCost } from '../aws/cost-explorer.js';
import { costExplorerServiceName } from '../core/catalog.js';
import type { Finding } from '../core/findings.js';
import type { ServiceId } from '../core/services.js';
import type { MonthOverMonth, SpendMonth, SpendRow } from '../shared/api/spend.js';

/** Complete months shown before the month to date. */
export const COMPLETE_MONTHS = 6;

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (year: number, monthIndex: number) => {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/**
 * The period for `today` (UTC): from the first day six months back to today (exclusive, so the
 * month to date runs through yesterday). On the 1st the month to date is still empty.
 */
export function spendPeriod(today: Date): { start: string; end: string; months: string[] } {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const months = Array.from({ length: COMPLETE_MONTHS + 1 }, (_, i) =>
    monthOf(year, month - COMPLETE_MONTHS + i),
  );
  const end = today.toISOString().slice(0, 10);
  return { start: `${months[0]}-01`, end, months };
}

/** The UTC day a cached answer belongs to. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

const cents = (usd: number) => Math.round(usd * 100) / 100;

/** Last complete month against the one before it (the month to date is not comparable). */
export function monthOverMonth(amounts: readonly number[]): MonthOverMonth {
  const last = amounts[COMPLETE_MONTHS - 1] ?? 0;
  const before = amounts[COMPLETE_MONTHS - 2] ?? 0;
  const usd = cents(last - before);
  return { usd, percent: before > 0 ? Math.round(((last - before) / before) * 1000) / 10 : null };
}

/**
 * Where an advisor finding's saving shows up in Cost Explorer. EBS volumes and snapshots are
 * billed under "EC2 - Other"; idle Elastic IPs are public IPv4 addresses, billed under Amazon VPC
 * since February 2024; instances under "Amazon Elastic Compute Cloud - Compute".
 */
export function costExplorerServiceOf(finding: Pick<Finding, 'checkId' | 'service'>): string {
  if (finding.checkId.startsWith('ebs-')) return 'EC2 - Other';
  if (finding.checkId.startsWith('ec2-eip-')) return 'Amazon Virtual Private Cloud';
  return costExplorerServiceName(finding.service);
}

export interface ServiceSavings {
  usd: number;
  advisorServices: ServiceId[];
}

/** Open (failing or warning), unmuted savings per Cost Explorer service name. */
export function savingsByCostService(findings: readonly Finding[]): Map<string, ServiceSavings> {
  const out = new Map<string, ServiceSavings>();
  for (const f of findings) {
    const usd = f.estimatedMonthlySavingsUsd ?? 0;
    if (f.muted || usd <= 0 || (f.status !== 'fail' && f.status !== 'warning')) continue;
    const name = costExplorerServiceOf(f);
    const entry = out.get(name) ?? { usd: 0, advisorServices: [] };
    entry.usd += usd;
    if (!entry.advisorServices.includes(f.service)) entry.advisorServices.push(f.service);
    out.set(name, entry);
  }
  for (const entry of out.values()) entry.usd = cents(entry.usd);
  return out;
}

/**
 * One row per group over `months`. With `savings` (service grouping), each row gets its service's
 * savings, and services with savings but no cost in the period still get a row (zeros), so no
 * saving disappears from the page.
 */
export function spendRows(
  months: readonly string[],
  costs: readonly MonthlyCost[],
  savings?: ReadonlyMap<string, ServiceSavings>,
): SpendRow[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const amounts = new Map<string, number[]>();
  for (const cost of costs) {
    const i = index.get(cost.month);
    if (i === undefined) continue;
    const row = amounts.get(cost.key) ?? months.map(() => 0);
    row[i] = (row[i] ?? 0) + cost.amountUsd;
    amounts.set(cost.key, row);
  }
  if (savings)
    for (const key of savings.keys())
      if (!amounts.has(key))
        amounts.set(
          key,
          months.map(() => 0),
        );
  const rows: SpendRow[] = [...amounts].map(([key, values]) => {
    const rounded = values.map(cents);
    const saving = savings?.get(key);
    return {
      key,
      amounts: rounded,
      change: monthOverMonth(rounded),
      savingsUsd: savings ? (saving?.usd ?? 0) : null,
      advisorServices: saving?.advisorServices ?? [],
    };
  });
  const lastComplete = COMPLETE_MONTHS - 1;
  return rows.sort(
    (a, b) =>
      (b.amounts[lastComplete] ?? 0) - (a.amounts[lastComplete] ?? 0) ||
      (b.amounts.at(-1) ?? 0) - (a.amounts.at(-1) ?? 0) ||
      a.key.localeCompare(b.key),
  );
}

export function spendTotals(months: readonly string[], rows: readonly SpendRow[]) {
  const amounts = months.map((_, i) => cents(rows.reduce((sum, r) => sum + (r.amounts[i] ?? 0), 0)));
  return { amounts, change: monthOverMonth(amounts) };
}

export function spendMonths(months: readonly string[], estimated: readonly string[]): SpendMonth[] {
  return months.map((month, i) => ({
    month,
    complete: i < months.length - 1,
    estimated: estimated.includes(month),
  }));
}
