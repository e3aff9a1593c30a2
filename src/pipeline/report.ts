/** Step 4: one report in memory (the CLI's output; the web streams PDFs itself through the same renderers). */
import { PassThrough } from 'node:stream';
import { findingsToCsv } from '../reports/csv.js';
import { buildJsonReport } from '../reports/json.js';
import { renderAdvisorPdf } from '../reports/pdf.js';
import type { ReportInput } from '../reports/types.js';

export type ReportFormat = 'json' | 'csv' | 'pdf';

export async function renderReport(input: ReportInput, format: ReportFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(buildJsonReport(input), null, 2)}\n`);
  if (format === 'csv') return Buffer.from(findingsToCsv(input));
  // Rendered in memory: the PDF writer ends its stream, and process.stdout must stay open.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await renderAdvisorPdf(input, sink);
  if (!sink.writableEnded) sink.end();
  await ended;
  return Buffer.concat(chunks);
}
