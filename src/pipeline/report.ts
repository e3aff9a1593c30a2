/** Step 4: the report written to a stream (the CLI's file or stdout; the web streams PDFs through the same renderers). */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { findingsToCsv } from '../reports/csv.js';
import { writeJsonReport } from '../reports/json-stream.js';
import { renderAdvisorPdf } from '../reports/pdf.js';
import type { ReportInput } from '../reports/types.js';

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
