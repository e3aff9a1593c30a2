/** Step 4: the report written to a stream (the CLI's file or stdout; the web streams PDFs through the same renderers). */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { findingsToCsv, writeOrgCsv } from '../reports/csv.js';
import { writeJsonReport, writeOrgJsonReport } from '../reports/json-stream.js';
import { renderAdvisorPdf } from '../reports/pdf.js';
import { renderOrgPdf } from '../reports/pdf-org.js';
import type { OrgReport, ReportInput } from '../reports/types.js';

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** Writes the whole report, ends `out` and resolves once everything is flushed to it. */
export async function writeReport(input: ReportInput, format: ReportFormat, out: Writable): Promise<void> {
  if (format === 'json') await writeJsonReport(input, out);
  else if (format === 'csv') out.write(findingsToCsv(input));
  // The PDF writer streams page by page under backpressure and ends `out` itself.
  else await renderAdvisorPdf(input, out);
  if (!out.writableEnded) out.end();
  await finished(out);
}

/** The report over several accounts (organization summary, then each account), written account by account. */
export async function writeOrgReport(input: OrgReport, format: ReportFormat, out: Writable): Promise<void> {
  if (format === 'json') await writeOrgJsonReport(input, out);
  else if (format === 'csv') await writeOrgCsv(input, out);
  else await renderOrgPdf(input, out);
  if (!out.writableEnded) out.end();
  await finished(out);
}
