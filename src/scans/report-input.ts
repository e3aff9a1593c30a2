import { runReportInput } from '../advisor/report-input.js';
import type { AdvisorService } from '../advisor/service.js';
import { checkSummaries } from '../checks/registry.js';
import type { StoredCollection } from '../collections/types.js';
import type { ComplianceFrameworkId } from '../core/compliance.js';
import { DomainError } from '../core/errors.js';
import type { Lang } from '../core/services.js';
import type { OrgAccountReport, OrgReportInput, ReportInput } from '../reports/types.js';
import type { Scan, ScanAccount } from '../shared/api/scans.js';

export interface ScanReportDeps {
  advisor: AdvisorService;
  getCollection: (username: string, id: string) => Promise<StoredCollection>;
}

/**
 * Why an account has no section, as `scan --org` writes it: the account status of a skipped one
 * (`suspended`, `pending_closure`: the reports translate it), else its AWS error when it has one.
 */
function reasonOf(row: ScanAccount): string {
  if (row.status === 'skipped') return row.error?.code ?? 'suspended';
  if (row.error) return `${row.error.code}: ${row.error.message}`;
  return row.status;
}

/**
 * The organization-wide report of a finished scan: the same input the CLI's `scan --org` renders
 * (organization summary, then one section per account), built from each account's completed run.
 * Accounts are read one after another, so only findings and metadata are held, never records.
 */
export async function scanReportInput(
  deps: ScanReportDeps,
  scan: Scan,
  options: {
    username: string;
    lang: Lang;
    timeZone?: string;
    now: Date;
    /** The account whose connection ran the scan (the management or delegated-administrator one). */
    connectionAccountId?: string;
  },
): Promise<OrgReportInput> {
  if (scan.status === 'running')
    throw new DomainError(
      'conflict',
      'scan_not_finished',
      'The scan is still running: there is no report yet',
    );
  const accounts: OrgAccountReport[] = [];
  const regions = new Set<string>();
  // Listed once for every account's "change since the previous run", not once per account.
  const storedRuns = await deps.advisor.storedRuns(options.username);
  for (const row of scan.accounts) {
    const base = { id: row.accountId, name: row.name, ...(row.ouPath ? { ouPath: row.ouPath } : {}) };
    if (row.status !== 'completed' || !row.runId) {
      accounts.push({ ...base, status: 'failed', error: reasonOf(row) });
      continue;
    }
    const input = await runReportInput(deps.advisor, deps.getCollection, {
      username: options.username,
      runId: row.runId,
      lang: options.lang,
      now: options.now,
      compliance: false,
      storedRuns,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    for (const region of input.regions) regions.add(region);
    accounts.push({
      ...base,
      status: 'scanned',
      report: {
        account: { ...input.account, id: row.accountId },
        collection: input.collection,
        findings: input.findings,
        ...(input.runId ? { runId: input.runId } : {}),
        ...(input.change ? { change: input.change } : {}),
      },
    });
  }
  return {
    lang: options.lang,
    generatedAt: options.now.toISOString(),
    regions: [...regions].sort(),
    services: scan.services,
    checks: checkSummaries(),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    account: {
      ...(options.connectionAccountId ? { id: options.connectionAccountId } : {}),
      ...(scan.connectionName ? { connectionName: scan.connectionName } : {}),
    },
    scanId: scan.scanId,
    status: scan.status,
    startedAt: scan.requestedAt,
    ...(scan.finishedAt ? { finishedAt: scan.finishedAt } : {}),
    accounts,
  };
}

/**
 * One account's report of a finished scan: the single-account report of its completed run (every
 * framework's compliance section, or `compliance`'s alone). Not found when the account is not in
 * the scan, a conflict when its run has not completed.
 */
export async function scanAccountReportInput(
  deps: ScanReportDeps,
  scan: Scan,
  accountId: string,
  options: { username: string; lang: Lang; timeZone?: string; now: Date; compliance?: ComplianceFrameworkId },
): Promise<ReportInput> {
  const row = scan.accounts.find((a) => a.accountId === accountId);
  if (!row)
    throw new DomainError('not_found', 'scan_account_not_found', `Account ${accountId} is not in this scan`);
  if (row.status !== 'completed' || !row.runId)
    throw new DomainError(
      'conflict',
      'scan_account_not_completed',
      `Account ${accountId} has no completed run in this scan (${row.status}): there is no report`,
    );
  const input = await runReportInput(deps.advisor, deps.getCollection, {
    username: options.username,
    runId: row.runId,
    lang: options.lang,
    now: options.now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  if (options.compliance && input.compliance)
    input.compliance = input.compliance.filter((view) => view.framework.id === options.compliance);
  return input;
}
