import { checkSummaries } from '../checks/registry.js';
import type { Finding } from '../core/findings.js';
import { adviseSnapshot } from '../pipeline/advise.js';
import { renderReport } from '../pipeline/report.js';
import { snapshotOf } from '../pipeline/snapshot.js';
import { createPriceBook } from '../pricing/index.js';
import type { ReportInput } from '../reports/types.js';
import type { ScanArgs } from './args.js';
import type { CliCollection } from './collect.js';

/** Runs every check of the chosen services over the collection and renders the report. */
export async function scanReport(
  args: ScanArgs,
  collection: CliCollection,
): Promise<{ body: Buffer; findings: Finding[] }> {
  const { metadata, documents } = collection;
  const snapshot = snapshotOf(metadata, documents);
  // The embedded dated price table: a CI scan must not depend on the Price List API answering.
  const prices = await createPriceBook({ live: false });
  const findings = adviseSnapshot({ snapshot, services: args.services, prices });
  const input: ReportInput = {
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
  return { body: await renderReport(input, args.format), findings };
}
