import { SEVERITIES } from '../core/services.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';
import {
  FINAL_SCAN_ACCOUNT_STATUSES,
  SCAN_ACCOUNT_STATUSES,
  type Scan,
  type ScanAccount,
  type ScanAccountStatus,
  type ScanStatus,
  type ScanSummary,
  type ScanTotals,
} from '../shared/api/scans.js';
import type { StoredScan } from './store.js';

export const isFinalRow = (row: ScanAccount) => FINAL_SCAN_ACCOUNT_STATUSES.includes(row.status);

/** What a run's state means for its account's row (`error` comes from the run's collection). */
export function rowFromRun(
  row: ScanAccount,
  run: AdvisorRunSummary,
  error?: { code: string; message: string },
): ScanAccount {
  const { error: _e, results: _r, ...base } = row;
  const next = { ...base, runId: run.runId };
  if (run.status === 'completed' && run.results)
    return {
      ...next,
      status: 'completed',
      results: {
        score: run.results.score.score,
        openBySeverity: run.results.openBySeverity,
        estimatedMonthlySavingsUsd: run.results.estimatedMonthlySavingsUsd,
      },
    };
  if (run.status === 'failed')
    return {
      ...next,
      status: 'failed',
      error: error ?? { code: 'run_failed', message: (run.failureReason ?? 'The run failed').slice(0, 500) },
    };
  if (run.status === 'cancelled') return { ...next, status: 'cancelled' };
  return { ...next, status: 'running' };
}

/** Puts a row in place by account id; a final row is never moved back to a running state. */
export function withRow(scan: StoredScan, row: ScanAccount, now: Date): StoredScan {
  const accounts = scan.accounts.map((r) =>
    r.accountId !== row.accountId ? r : isFinalRow(r) && !isFinalRow(row) ? { ...r, runId: row.runId } : row,
  );
  const done = accounts.every(isFinalRow);
  return {
    ...scan,
    accounts,
    ...(done && !scan.finishedAt ? { finishedAt: now.toISOString() } : {}),
  };
}

export function scanStatus(scan: StoredScan): ScanStatus {
  if (!scan.accounts.every(isFinalRow)) return 'running';
  if (scan.cancelledAt) return 'cancelled';
  const ok = scan.accounts.filter((r) => r.status === 'completed').length;
  if (ok === scan.accounts.length) return 'completed';
  return ok === 0 ? 'failed' : 'completed_with_errors';
}

export function scanTotals(rows: readonly ScanAccount[]): ScanTotals {
  const byStatus = Object.fromEntries(SCAN_ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<
    ScanAccountStatus,
    number
  >;
  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as ScanTotals['openBySeverity'];
  let savings = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    if (!row.results) continue;
    for (const s of SEVERITIES) openBySeverity[s] += row.results.openBySeverity[s] ?? 0;
    savings += row.results.estimatedMonthlySavingsUsd;
  }
  return {
    accounts: rows.length,
    byStatus,
    openBySeverity,
    estimatedMonthlySavingsUsd: Math.round(savings * 100) / 100,
  };
}

export function toSummary(scan: StoredScan): ScanSummary {
  const {
    username: _u,
    connectionAccountId: _a,
    claims: _c,
    reconciledAt: _r,
    reconcileCursor: _k,
    accounts,
    ...rest
  } = scan;
  return { ...rest, status: scanStatus(scan), totals: scanTotals(accounts) };
}

export const toScan = (scan: StoredScan): Scan => ({ ...toSummary(scan), accounts: scan.accounts });
