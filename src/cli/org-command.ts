import { finished } from 'node:stream/promises';
import { COMPLIANCE_FRAMEWORK_IDS } from '../core/compliance.js';
import type { Severity } from '../core/services.js';
import { writeDestination } from './destination.js';
import type { CliIo } from './io.js';
import { type OrgScanArgs, parseOrgScanArgs, type RawOrgOptions } from './org-args.js';
import { OrgAccountSpill } from './org-spill.js';
import { FindingTally } from './summary.js';

/** The frameworks the report rolls up: the one asked for, else every one in the PDF and none elsewhere. */
function frameworksOf(args: OrgScanArgs) {
  if (args.compliance) return [args.compliance.framework];
  return args.format === 'pdf' ? [...COMPLIANCE_FRAMEWORK_IDS] : [];
}

/** `scan --org`: every account in scope, one report (stdout or --output), a summary on stderr. */
export async function runOrgScanCommand(
  io: CliIo,
  raw: RawOrgOptions,
  signal: AbortSignal,
  onFailOn: (severity: Severity) => void,
): Promise<void> {
  const args = parseOrgScanArgs(raw, io.env);
  // Loaded only now: the collector and check registries discover their modules at import time.
  const [
    { runOrgScan },
    { writeOrgReport },
    { readOrgCompliance },
    { orgComplianceToCsv },
    { orgComplianceTable },
  ] = await Promise.all([
    import('./org.js'),
    import('../pipeline/report.js'),
    import('../compliance/org.js'),
    import('../reports/compliance-csv.js'),
    import('./compliance.js'),
  ]);
  const spill = await OrgAccountSpill.open();
  try {
    const input = await runOrgScan(io, args, signal, spill);
    const frameworks = frameworksOf(args);
    if (frameworks.length > 0) input.compliance = await readOrgCompliance(input, frameworks);
    const view = input.compliance?.[0];
    await writeDestination(io.stdout, args.output, async (out) => {
      // --compliance as a table or CSV: the roll-up alone, as `scan --compliance` writes one account's.
      if (view && (args.compliance?.format === 'table' || args.compliance?.format === 'csv')) {
        out.end(
          args.compliance.format === 'csv'
            ? orgComplianceToCsv([view], args.lang)
            : orgComplianceTable(view, args.lang),
        );
        await finished(out);
        return;
      }
      await writeOrgReport(input, args.format, out);
    });
    // The stderr summary over every account's findings, folded one account at a time.
    const tally = new FindingTally();
    let scanned = 0;
    let total = 0;
    for await (const account of input.accounts()) {
      total += 1;
      if (account.status !== 'scanned') continue;
      scanned += 1;
      tally.add(account.report.findings);
    }
    io.stderr.write(`\nAccounts: ${scanned} scanned, ${total - scanned} failed; status ${input.status}\n`);
    io.stderr.write(tally.summary(args.failOn));
    if (args.failOn && tally.openAtOrAbove(args.failOn) > 0) onFailOn(args.failOn);
  } finally {
    await spill.close();
  }
}
