import { PassThrough } from 'node:stream';
import { runChecks } from '../checks/engine.js';
import { checkSummaries } from '../checks/registry.js';
import type { Snapshot } from '../core/snapshot.js';
import { createPriceBook } from '../pricing/index.js';
import { findingsToCsv } from '../reports/csv.js';
import { buildJsonReport } from '../reports/json.js';
import { renderAdvisorPdf } from '../reports/pdf.js';
import type { ReportInput } from '../reports/types.js';
import type { ScanArgs } from './args.js';
import type { CliCollection } from './collect.js';

/**
 * Runs every check of the chosen services over the collection. The report input keeps only the
 * metadata and the findings: once the caller drops the collection, its records can be freed
 * before the report is rendered (the two never need to be in memory together).
 */
export async function adviseCollection(args: ScanArgs, collection: CliCollection): Promise<ReportInput> {
  const { metadata, documents } = collection;
  const data: Snapshot['data'] = {};
  for (const doc of documents) Object.assign(data, doc.data);
  const collectedAt = metadata.finishedAt ?? new Date().toISOString();
  const snapshot: Snapshot = { metadata, collectedAt, data };
  // The embedded dated price table: a CI scan must not depend on the Price List API answering.
  const prices = await createPriceBook({ live: false });
  const findings = runChecks({
    snapshot,
    services: args.services,
    prices,
    now: new Date(collectedAt),
  });
  return {
    lang: args.lang,
    account: { ...(metadata.accountId ? { id: metadata.accountId } : {}) },
    generatedAt: new Date().toISOString(),
    regions: metadata.regions,
    services: args.services,
    collection: metadata,
    findings,
    checks: checkSummaries(),
    runId: metadata.id,
  };
}

/** Renders the report in the chosen format. */
export async function renderScanReport(args: ScanArgs, input: ReportInput): Promise<Buffer> {
  if (args.format === 'json') return Buffer.from(`${JSON.stringify(buildJsonReport(input), null, 2)}\n`);
  if (args.format === 'csv') return Buffer.from(findingsToCsv(input));
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
