import type { Finding } from '../core/findings.js';
import { buildReportModel, type ReportModel } from './model.js';
import { type OrgReportInput, type ReportInput, scannedAccounts } from './types.js';

/** One scanned account with the figures the organization summary ranks it by. */
export interface OrgAccountRow {
  id: string;
  name: string;
  ouPath?: string;
  input: ReportInput;
  model: ReportModel;
  /** Open critical + high findings: the risk ranking's first key. */
  criticalHigh: number;
  openCount: number;
}

/** Aggregates of a report over several accounts, shared by the PDF and the JSON report. */
export interface OrgModel {
  /** The model of every scanned account's findings together (totals, scores by service). */
  total: ReportModel;
  scanned: OrgAccountRow[];
  failed: { id: string; name: string; ouPath?: string; error: string }[];
  /** Worst first: most open critical + high, then the lower score (no score last), then name. */
  byRisk: OrgAccountRow[];
  /** Largest estimated monthly savings first (accounts without savings left out). */
  bySavings: OrgAccountRow[];
}

export function buildOrgModel(input: OrgReportInput): OrgModel {
  const scanned: OrgAccountRow[] = scannedAccounts(input).map((account) => {
    const model = buildReportModel(account.input);
    const open = Object.values(model.openBySeverity).reduce((sum, n) => sum + n, 0);
    return {
      ...account,
      model,
      criticalHigh: model.openBySeverity.critical + model.openBySeverity.high,
      openCount: open,
    };
  });
  // References only: the findings already live in the accounts' parts.
  const all: Finding[] = scanned.flatMap((a) => a.model.findings);
  const total = buildReportModel({ services: input.services, findings: all, checks: input.checks });
  const scoreKey = (row: OrgAccountRow) => row.model.overall.score ?? 101;
  const byRisk = [...scanned].sort(
    (a, b) =>
      b.criticalHigh - a.criticalHigh ||
      scoreKey(a) - scoreKey(b) ||
      b.openCount - a.openCount ||
      a.name.localeCompare(b.name),
  );
  const bySavings = scanned
    .filter((a) => a.model.totalSavingsUsd > 0)
    .sort((a, b) => b.model.totalSavingsUsd - a.model.totalSavingsUsd || a.name.localeCompare(b.name));
  const failed = input.accounts.flatMap((a) =>
    a.status === 'failed'
      ? [{ id: a.id, name: a.name, ...(a.ouPath ? { ouPath: a.ouPath } : {}), error: a.error }]
      : [],
  );
  return { total, scanned, failed, byRisk, bySavings };
}
