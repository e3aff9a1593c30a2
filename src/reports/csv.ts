import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { CollectorId } from '../core/records.js';
import { remediationText } from '../core/remediation.js';
import type { ServiceSnapshotDocument } from '../core/snapshot.js';
import { writeText } from './json-stream.js';
import { checkLookup, reportServices } from './model.js';
import {
  accountPasses,
  accountReportInput,
  type OrgAccountReport,
  type OrgReport,
  type OrgReportInput,
  type ReportInput,
} from './types.js';

/**
 * CSV exports. UTF-8 with a BOM so spreadsheet programs detect Korean correctly; every text cell
 * that a spreadsheet would treat as a formula (starts with = + - @, tab, CR or LF) is prefixed with
 * a single quote (OWASP "CSV injection"). Numbers stay plain numbers, in a locale-neutral form, so
 * the columns can be summed.
 */

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type Cell = string | number | boolean | null | undefined;

function toCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || value === null) return String(value);
  return neutraliseCell(value);
}

/** A CSV document: BOM, CRLF, every text cell neutralised. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const records: string[][] = [header.map((h) => toCell(h))];
  for (const row of rows) records.push(row.map(toCell));
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}

export const FINDINGS_CSV_COLUMNS = [
  'checkId',
  'title',
  'failureLabel',
  'service',
  'category',
  'severity',
  'status',
  'region',
  'resourceId',
  'resourceName',
  'resourceArn',
  'message',
  'remediation',
  'estimatedMonthlySavingsUsd',
  'savingsBasis',
  'muted',
  'mutedReason',
  'mutedBy',
  'mutedAt',
  'mutedExpiresAt',
] as const;

/** One row per finding of the report's services; text columns in the report's language. */
export function findingsToCsv(input: ReportInput): string {
  return toCsv(FINDINGS_CSV_COLUMNS, findingCsvRows(input));
}

/** A report over several accounts: the findings columns after the account's id and name, on every row. */
export const ORG_FINDINGS_CSV_COLUMNS = ['accountId', 'accountName', ...FINDINGS_CSV_COLUMNS] as const;

export function orgFindingsToCsv(input: OrgReportInput): string {
  const rows = function* (): Generator<Cell[]> {
    for (const account of input.accounts) yield* orgAccountCsvRows(input, account);
  };
  return toCsv(ORG_FINDINGS_CSV_COLUMNS, rows());
}

/** The same text as orgFindingsToCsv, written one account at a time (one account's rows held at once). */
export async function writeOrgCsv(report: OrgReport, out: Writable): Promise<void> {
  await writeText(out, toCsv(ORG_FINDINGS_CSV_COLUMNS, []));
  for await (const account of accountPasses(report)()) {
    const records = Array.from(orgAccountCsvRows(report, account), (row) => row.map(toCell));
    if (records.length > 0) await writeText(out, stringify(records, { record_delimiter: 'windows' }));
  }
}

/** One account's rows of the organization CSV: its id and name before each finding's columns. */
function* orgAccountCsvRows(org: Omit<OrgReport, 'accounts'>, account: OrgAccountReport): Generator<Cell[]> {
  if (account.status !== 'scanned') return;
  for (const row of findingCsvRows(accountReportInput(org, account.report)))
    yield [account.id, account.name, ...row];
}

function* findingCsvRows(input: ReportInput): Generator<Cell[]> {
  const lang = input.lang;
  const services = new Set<string>(reportServices(input));
  const checkOf = checkLookup(input.checks);
  const accountId = input.account.id ?? input.collection.accountId ?? undefined;
  for (const f of input.findings) {
    if (!services.has(f.service)) continue;
    const check = checkOf(f);
    yield [
      f.checkId,
      check.title[lang],
      check.failureLabel[lang],
      f.service,
      f.category,
      f.severity,
      f.status,
      f.region,
      f.resourceId,
      f.resourceName,
      f.resourceArn,
      f.message[lang],
      remediationText(check.remediation, lang, { ...f, accountId }),
      f.estimatedMonthlySavingsUsd,
      f.savingsBasis?.[lang],
      Boolean(f.muted),
      f.muted?.reason,
      f.muted?.by,
      f.muted?.at,
      f.muted?.expiresAt,
    ];
  }
}

/** Nested values (tags, policies, rules) become JSON text so one record stays one row. */
function flatten(value: unknown): Cell {
  if (value === undefined || value === null) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * A service's inventory: one row per record, a `collector` column first, then the union of the
 * records' top-level fields in first-seen order. `null` is written as "null" (e.g. "no bucket
 * policy"), a missing field as an empty cell. Pass `collector` to export one collector only.
 */
export function inventoryToCsv(
  data: ServiceSnapshotDocument['data'],
  options: { collector?: CollectorId } = {},
): string {
  const entries = Object.entries(data).filter(
    ([id, records]) => records && (!options.collector || id === options.collector),
  ) as [string, readonly object[]][];
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const [, records] of entries) {
    for (const record of records) {
      for (const key of Object.keys(record)) {
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
      }
    }
  }
  const rows = function* (): Generator<Cell[]> {
    for (const [collector, records] of entries) {
      for (const record of records) {
        const fields = record as Record<string, unknown>;
        yield [collector, ...columns.map((key) => flatten(fields[key]))];
      }
    }
  };
  return toCsv(['collector', ...columns], rows());
}
