import { DomainError } from '../core/errors.js';
import type { CheckSummary, Finding } from '../core/findings.js';
import type { Lang, ServiceId } from '../core/services.js';
import type { CollectionMetadata, CollectionStatus } from '../core/snapshot.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
import type { OrgCompliance } from '../shared/api/report.js';
import type { DisplayCurrency } from '../shared/currency.js';

/**
 * Everything a report renderer needs for one advisor run: built by the server route or the CLI,
 * consumed by renderAdvisorPdf, findingsToCsv and buildJsonReport. Renderers never read storage.
 */
export interface ReportInput {
  lang: Lang;
  account: { id?: string; connectionName?: string };
  /** ISO-8601 instant the report was produced. */
  generatedAt: string;
  regions: string[];
  /** Services the report covers; findings of other services are left out (per-service PDF = one id). */
  services: ServiceId[];
  collection: CollectionMetadata;
  findings: Finding[];
  checks: CheckSummary[];
  runId?: string;
  /** Change since the previous completed run of the same scope (connection, services, regions). */
  change?: RunChange;
  /** A display currency shown beside USD ("≈ ₩…"), with the rate the user set and its date. */
  displayCurrency?: DisplayCurrency;
  /**
   * IANA time zone the dates are shown in (the viewer's, e.g. "Asia/Seoul"). Default "UTC".
   * The zone name is printed beside every date so a reader knows which one it is.
   */
  timeZone?: string;
  /** The run's compliance views (one per framework) for the PDF's compliance section; absent = no section. */
  compliance?: ComplianceResponse[];
}

/** What belongs to one account in an organization-wide report (the rest is shared by all accounts). */
export type AccountReportPart = Pick<ReportInput, 'account' | 'collection' | 'findings'> &
  Partial<Pick<ReportInput, 'runId' | 'change' | 'compliance'>>;

/** One account of an organization-wide scan: scanned (its report part) or failed with the reason. */
export type OrgAccountReport = { id: string; name: string; ouPath?: string } & (
  | { status: 'scanned'; report: AccountReportPart }
  | { status: 'failed'; error: string }
);

/**
 * Everything a renderer needs for a report over several accounts (the CLI's `scan --org`, the
 * web's organization-wide report): what the accounts share once, and each account's part. Only
 * findings and metadata are held per account, never collected records.
 */
export interface OrgReportInput
  extends Pick<
    ReportInput,
    'lang' | 'generatedAt' | 'regions' | 'services' | 'checks' | 'displayCurrency' | 'timeZone'
  > {
  /** The identity that ran the scan (the management or a delegated-administrator account). */
  account: { id?: string; connectionName?: string };
  organizationId?: string;
  /** Groups the accounts' collections of this scan. */
  scanId: string;
  status: CollectionStatus;
  startedAt?: string;
  finishedAt?: string;
  accounts: OrgAccountReport[];
  /** The compliance roll-up over the accounts, one per framework asked for; absent = none. */
  compliance?: OrgCompliance[];
}

/**
 * One pass over the accounts of an organization report, in report order. A scanned account's part
 * belongs to the reader only until it asks for the next account: a pass never holds two parts.
 */
export type OrgAccountPass = () => AsyncIterable<OrgAccountReport>;

/**
 * An organization report whose accounts are read in passes (the CLI's `scan --org` reads each
 * account's part back from a spill file) instead of being held together: the renderers build the
 * organization summary from compact per-account figures in one pass, then write the accounts'
 * sections in another, so memory stays flat with the number of accounts.
 */
export interface OrgReportSource extends Omit<OrgReportInput, 'accounts'> {
  accounts: OrgAccountPass;
}

/** An organization report held whole (tests, small reports) or read account by account. */
export type OrgReport = OrgReportInput | OrgReportSource;

/** The accounts of either kind of organization report as passes. */
export function accountPasses(report: OrgReport): OrgAccountPass {
  const { accounts } = report;
  if (typeof accounts === 'function') return accounts;
  return async function* () {
    yield* accounts;
  };
}

/** One scanned account's part as a whole ReportInput, for the single-account renderers. */
export function accountReportInput(org: Omit<OrgReport, 'accounts'>, part: AccountReportPart): ReportInput {
  const { lang, generatedAt, regions, services, checks, displayCurrency, timeZone } = org;
  return {
    lang,
    generatedAt,
    regions,
    services,
    checks,
    ...(displayCurrency ? { displayCurrency } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...part,
  };
}

/** Scanned accounts with their report input, in the order of `org.accounts`. */
export function scannedAccounts(
  org: OrgReportInput,
): { id: string; name: string; ouPath?: string; input: ReportInput }[] {
  return org.accounts.flatMap((a) =>
    a.status === 'scanned'
      ? [
          {
            id: a.id,
            name: a.name,
            ...(a.ouPath ? { ouPath: a.ouPath } : {}),
            input: accountReportInput(org, a.report),
          },
        ]
      : [],
  );
}

/**
 * A scan over several accounts: failed when no account could be scanned, with errors when one
 * failed or an account's own collection had errors, else completed.
 */
export function orgScanStatus(
  accounts: readonly (
    | { status: 'scanned'; report: { collection: Pick<CollectionMetadata, 'status'> } }
    | { status: 'failed' }
  )[],
): CollectionStatus {
  const scanned = accounts.flatMap((a) => (a.status === 'scanned' ? [a.report.collection.status] : []));
  if (scanned.length === 0) return 'failed';
  if (scanned.length < accounts.length || scanned.some((s) => s !== 'completed'))
    return 'completed_with_errors';
  return 'completed';
}

export interface RunChange {
  /** When the previous run of the same scope was requested (ISO-8601). */
  previousRunAt: string;
  newCount: number;
  resolvedCount: number;
  /** The most severe of the new open findings (at most five). */
  topNew: Finding[];
}

export type { DisplayCurrency };

/** Bad report input a user can fix (unknown time zone, unknown service): map it to HTTP 400 / CLI exit 2. */
export class ReportInputError extends DomainError {
  constructor(message: string, fields?: Record<string, string>) {
    super('invalid', 'invalid_report_input', message, fields ? { fields } : {});
    this.name = 'ReportInputError';
  }
}
