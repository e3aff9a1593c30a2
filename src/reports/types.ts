import { DomainError } from '../core/errors.js';
import type { CheckSummary, Finding } from '../core/findings.js';
import type { Lang, ServiceId } from '../core/services.js';
import type { CollectionMetadata } from '../core/snapshot.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
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
