import type { Finding } from '../core/findings.js';
import { CATEGORIES, type Category, SEVERITIES, type ServiceId, type Severity } from '../core/services.js';
import type { ReportAccount } from '../shared/api/report.js';
import { jsonCollection } from './json.js';
import { buildReportModel, isOpen, type ReportModel, reportServices } from './model.js';
import { computeScore, type ScoredFinding, type ScoreResult } from './score.js';
import {
  accountPasses,
  accountReportInput,
  type OrgAccountReport,
  type OrgReport,
  type OrgReportInput,
} from './types.js';

/** What the organization summary keeps of one account's model: its score, open counts and savings. */
export type AccountFigures = Pick<ReportModel, 'overall' | 'openBySeverity' | 'totalSavingsUsd'>;

/** One scanned account with the figures the organization summary ranks it by (no findings). */
export interface OrgAccountRow {
  id: string;
  name: string;
  ouPath?: string;
  model: AccountFigures;
  /** Open critical + high findings: the risk ranking's first key. */
  criticalHigh: number;
  openCount: number;
}

/** The organization's totals over every scanned account's findings (the report's services only). */
export interface OrgTotals
  extends Pick<
    ReportModel,
    'services' | 'overall' | 'openBySeverity' | 'openByCategory' | 'totalSavingsUsd'
  > {
  sections: { service: ServiceId; score: ScoreResult }[];
}

/**
 * Aggregates of a report over several accounts, shared by the PDF and the JSON report: compact
 * per-account figures only, so its size grows with the accounts by a few numbers each, never by
 * their findings.
 */
export interface OrgModel {
  total: OrgTotals;
  /** Every account in report order, as the JSON report lists it. */
  accounts: ReportAccount[];
  scanned: OrgAccountRow[];
  failed: { id: string; name: string; ouPath?: string; error: string }[];
  /** Worst first: most open critical + high, then the lower score (no score last), then name. */
  byRisk: OrgAccountRow[];
  /** Largest estimated monthly savings first (accounts without savings left out). */
  bySavings: OrgAccountRow[];
  /** Each scanned account's resource counts and collection errors as the JSON report shows them. */
  collections: { id: string; collection: ReturnType<typeof jsonCollection> }[];
}

type Tally = ScoredFinding & { count: number };

/**
 * Builds the OrgModel one account at a time: each account's findings are reduced to its figures
 * and to score tallies (service × severity × status × muted) as it is added, and not kept.
 */
export class OrgModelBuilder {
  private readonly services: ServiceId[];
  private readonly tallies = new Map<string, Tally>();
  private readonly openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    Severity,
    number
  >;
  private readonly openByCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<
    Category,
    number
  >;
  /** Summed in the order the findings come, as one model over every finding would sum them. */
  private savings = 0;
  private readonly accounts: ReportAccount[] = [];
  private readonly scanned: OrgAccountRow[] = [];
  private readonly failed: OrgModel['failed'] = [];
  private readonly collections: OrgModel['collections'] = [];

  constructor(private readonly org: Omit<OrgReport, 'accounts'>) {
    this.services = reportServices(org);
  }

  add(account: OrgAccountReport): void {
    const base = {
      id: account.id,
      name: account.name,
      ...(account.ouPath ? { ouPath: account.ouPath } : {}),
    };
    this.accounts.push({
      id: account.id,
      name: account.name,
      status: account.status,
      ...(account.status === 'failed' ? { error: account.error } : {}),
      ...(account.ouPath ? { ouPath: account.ouPath } : {}),
    });
    if (account.status === 'failed') {
      this.failed.push({ ...base, error: account.error });
      return;
    }
    const input = accountReportInput(this.org, account.report);
    const model = buildReportModel(input);
    for (const finding of model.findings) this.count(finding);
    const { overall, openBySeverity, totalSavingsUsd } = model;
    this.scanned.push({
      ...base,
      model: { overall, openBySeverity, totalSavingsUsd },
      criticalHigh: openBySeverity.critical + openBySeverity.high,
      openCount: Object.values(openBySeverity).reduce((sum, n) => sum + n, 0),
    });
    this.collections.push({ id: account.id, collection: jsonCollection(input) });
  }

  private count(finding: Finding): void {
    const { service, severity, status, muted } = finding;
    const key = `${service}\t${severity}\t${status}\t${muted ? 'muted' : ''}`;
    const tally = this.tallies.get(key);
    if (tally) tally.count += 1;
    else this.tallies.set(key, { service, severity, status, ...(muted ? { muted } : {}), count: 1 });
    if (!isOpen(finding)) return;
    this.openBySeverity[severity] += 1;
    this.openByCategory[finding.category] += 1;
    const savings = finding.estimatedMonthlySavingsUsd;
    if (savings !== undefined && Number.isFinite(savings) && savings > 0) this.savings += savings;
  }

  result(): OrgModel {
    const tallies = [...this.tallies.values()];
    const total: OrgTotals = {
      services: this.services,
      overall: computeScore(tallies),
      sections: this.services.map((service) => ({
        service,
        score: computeScore(tallies.filter((t) => t.service === service)),
      })),
      openBySeverity: this.openBySeverity,
      openByCategory: this.openByCategory,
      totalSavingsUsd: Math.round(this.savings * 100) / 100,
    };
    const scoreKey = (row: OrgAccountRow) => row.model.overall.score ?? 101;
    const byRisk = [...this.scanned].sort(
      (a, b) =>
        b.criticalHigh - a.criticalHigh ||
        scoreKey(a) - scoreKey(b) ||
        b.openCount - a.openCount ||
        a.name.localeCompare(b.name),
    );
    const bySavings = this.scanned
      .filter((a) => a.model.totalSavingsUsd > 0)
      .sort((a, b) => b.model.totalSavingsUsd - a.model.totalSavingsUsd || a.name.localeCompare(b.name));
    return {
      total,
      accounts: this.accounts,
      scanned: this.scanned,
      failed: this.failed,
      byRisk,
      bySavings,
      collections: this.collections,
    };
  }
}

/** The model of a report held whole. */
export function buildOrgModel(input: OrgReportInput): OrgModel {
  const builder = new OrgModelBuilder(input);
  for (const account of input.accounts) builder.add(account);
  return builder.result();
}

/** The model of any organization report, in one pass over its accounts. */
export async function readOrgModel(report: OrgReport): Promise<OrgModel> {
  const builder = new OrgModelBuilder(report);
  for await (const account of accountPasses(report)()) builder.add(account);
  return builder.result();
}
