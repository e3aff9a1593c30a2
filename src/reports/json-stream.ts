/**
 * Writes the JSON report to a stream, byte for byte what `JSON.stringify(report, null, 2)` plus a
 * newline would give, one finding at a time: a scan with 30,000 findings never holds the whole
 * text (40 MB and its Buffer copy) or every converted finding in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { jsonReportParts } from './json.js';
import { orgJsonReportParts } from './org-json.js';
import type { OrgReportInput, ReportInput } from './types.js';

/** How the empty findings array of the top-level object reads at two-space indentation. */
const EMPTY_FINDINGS = '\n  "findings": [],\n';
const FINDING_INDENT = '\n    ';
/** Text gathered before each write: large enough for few syscalls, small against the report. */
const CHUNK_CHARS = 256 * 1024;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeJsonReport(input: ReportInput, out: Writable): Promise<void> {
  await writeJsonParts(jsonReportParts(input), out);
}

/** The report over several accounts, streamed the same way (one account's findings at a time). */
export async function writeOrgJsonReport(input: OrgReportInput, out: Writable): Promise<void> {
  await writeJsonParts(orgJsonReportParts(input), out);
}

/** A report object whose `findings` is empty and is followed by other keys, and its findings. */
interface JsonParts {
  report: object;
  findings(): Iterable<object>;
}

async function writeJsonParts({ report, findings }: JsonParts, out: Writable): Promise<void> {
  const summary = JSON.stringify(report, null, 2);
  const at = summary.indexOf(EMPTY_FINDINGS);
  if (at < 0) throw new Error('JSON report: the findings key is not where the writer expects it');
  let chunk = `${summary.slice(0, at)}\n  "findings": [`;
  let count = 0;
  for (const finding of findings()) {
    chunk += `${count > 0 ? ',' : ''}${FINDING_INDENT}${JSON.stringify(finding, null, 2).replaceAll('\n', FINDING_INDENT)}`;
    count += 1;
    if (chunk.length >= CHUNK_CHARS) {
      await write(out, chunk);
      chunk = '';
    }
  }
  // JSON.stringify writes an empty array as `[]`, a filled one with its closing bracket on its own line.
  chunk += `${count > 0 ? '\n  ' : ''}],\n${summary.slice(at + EMPTY_FINDINGS.length)}\n`;
  await write(out, chunk);
}
