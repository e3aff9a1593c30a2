import type { Writable } from 'node:stream';
import { checkSummaries } from '../checks/registry.js';
import { adviseSnapshot } from '../pipeline/advise.js';
import { writeReport } from '../pipeline/report.js';
import { snapshotOf } from '../pipeline/snapshot.js';
import { createPriceBook } from '../pricing/index.js';
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
  const snapshot = snapshotOf(metadata, documents);
  // The embedded dated price table: a CI scan must not depend on the Price List API answering.
  const prices = await createPriceBook({ live: false });
  const findings = adviseSnapshot({ snapshot, services: args.services, prices });
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

/** Writes the report in the chosen format to `out` (a file or stdout), piece by piece. */
export async function writeScanReport(args: ScanArgs, input: ReportInput, out: Writable): Promise<void> {
  await writeReport(input, args.format, out);
}
