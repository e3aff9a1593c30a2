import type { ScanAccount } from '../../../../shared/api/scans';

export type ScanSort = 'worst' | 'name' | 'score' | 'savings';

const RANK: Record<ScanAccount['status'], number> = {
  failed: 0,
  completed: 1,
  running: 2,
  pending: 3,
  cancelled: 4,
  skipped: 5,
};
const severe = (r: ScanAccount) =>
  (r.results?.openBySeverity.critical ?? 0) * 1000 + (r.results?.openBySeverity.high ?? 0);
const score = (r: ScanAccount) => r.results?.score ?? 101;

/** Worst first: failed accounts, then the lowest score, then the most critical and high findings. */
export function sortAccounts(rows: readonly ScanAccount[], by: ScanSort): ScanAccount[] {
  const byName = (a: ScanAccount, b: ScanAccount) => a.name.localeCompare(b.name);
  const compare: Record<ScanSort, (a: ScanAccount, b: ScanAccount) => number> = {
    worst: (a, b) =>
      RANK[a.status] - RANK[b.status] || score(a) - score(b) || severe(b) - severe(a) || byName(a, b),
    name: byName,
    score: (a, b) => score(a) - score(b) || byName(a, b),
    savings: (a, b) =>
      (b.results?.estimatedMonthlySavingsUsd ?? 0) - (a.results?.estimatedMonthlySavingsUsd ?? 0) ||
      byName(a, b),
  };
  return [...rows].sort(compare[by]);
}
