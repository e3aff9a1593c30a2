import type { Severity } from '../core/services.js';
import { writeDestination } from './destination.js';
import type { CliIo } from './io.js';
import { parseOrgScanArgs, type RawOrgOptions } from './org-args.js';
import { openAtOrAbove, scanSummary } from './summary.js';

/** `scan --org`: every account in scope, one report (stdout or --output), a summary on stderr. */
export async function runOrgScanCommand(
  io: CliIo,
  raw: RawOrgOptions,
  signal: AbortSignal,
  onFailOn: (severity: Severity) => void,
): Promise<void> {
  const args = parseOrgScanArgs(raw, io.env);
  // Loaded only now: the collector and check registries discover their modules at import time.
  const [{ runOrgScan }, { writeOrgReport }] = await Promise.all([
    import('./org.js'),
    import('../pipeline/report.js'),
  ]);
  const input = await runOrgScan(io, args, signal);
  await writeDestination(io.stdout, args.output, (out) => writeOrgReport(input, args.format, out));
  const scanned = input.accounts.filter((a) => a.status === 'scanned');
  const findings = scanned.flatMap((a) => (a.status === 'scanned' ? a.report.findings : []));
  io.stderr.write(
    `\nAccounts: ${scanned.length} scanned, ${input.accounts.length - scanned.length} failed; status ${input.status}\n`,
  );
  io.stderr.write(scanSummary(findings, args.failOn));
  if (args.failOn && openAtOrAbove(findings, args.failOn).length > 0) onFailOn(args.failOn);
}
