import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { checkSummaries } from '../checks/registry.js';
import type { CheckSummary } from '../core/findings.js';
import { adviseSnapshot } from '../pipeline/advise.js';
import { writeReport } from '../pipeline/report.js';
import { snapshotOf } from '../pipeline/snapshot.js';
import { createPriceBook } from '../pricing/index.js';
import type { ReportInput } from '../reports/types.js';
import type { ScanArgs } from './args.js';
import type { CliCollection } from './collect.js';
import { renderCompliance, scanCompliance, scanComplianceViews } from './compliance.js';

/**
 * Runs every check of the chosen services over the collection. The report input keeps only the
 * metadata and the findings: once the caller drops the collection, its records can be freed
 * before the report is rendered (the two never need to be in memory together).
 */
export async function adviseCollection(
  args: Pick<ScanArgs, 'lang' | 'services'>,
  collection: CliCollection,
  checks: CheckSummary[] = checkSummaries(),
): Promise<ReportInput> {
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
    checks,
    runId: metadata.id,
  };
}

/**
 * Writes the report in the chosen format to `out` (a file or stdout), piece by piece: with
 * `--compliance`, the framework's per-control view (table, or the console's compliance CSV /
 * JSON); the PDF carries every framework's section.
 */
export async function writeScanReport(args: ScanArgs, input: ReportInput, out: Writable): Promise<void> {
  if (args.compliance) {
    const view = scanCompliance(args, input, args.compliance.framework);
    out.end(renderCompliance(view, args.compliance.format, args.lang));
    await finished(out);
    return;
  }
  if (args.format === 'pdf') {
    await writeReport({ ...input, compliance: scanComplianceViews(args, input) }, 'pdf', out);
    return;
  }
  await writeReport(input, args.format, out);
}
