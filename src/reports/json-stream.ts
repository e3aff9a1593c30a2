/**
 * Writes the JSON report to a stream, byte for byte what `JSON.stringify(report, null, 2)` plus a
 * newline would give, one finding at a time: a scan with 30,000 findings never holds the whole
 * text (40 MB and its Buffer copy) or every converted finding in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { jsonReportParts } from './json.js';
import { accountJsonFindings, orgJsonSummary } from './org-json.js';
import { readOrgModel } from './org-model.js';
import { accountPasses, type OrgReport, type ReportInput } from './types.js';

/** How the empty findings array of the top-level object reads at two-space indentation. */
const EMPTY_FINDINGS = '\n  "findings": [],\n';
const FINDING_INDENT = '\n    ';
/** Text gathered before each write: large enough for few syscalls, small against the report. */
const CHUNK_CHARS = 256 * 1024;

/** Writes `text`, waiting for `out` to drain when its buffer is full. */
export async function writeText(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeJsonReport(input: ReportInput, out: Writable): Promise<void> {
  const { report, findings } = jsonReportParts(input);
  await writeJsonParts(report, [findings()], out);
}

/**
 * The report over several accounts, streamed the same way: the summary from one pass over the
 * accounts (compact figures), then a second pass writes each account's findings before it reads
 * the next account, so only one account's findings are ever held.
 */
export async function writeOrgJsonReport(input: OrgReport, out: Writable): Promise<void> {
  const summary = orgJsonSummary(input, await readOrgModel(input));
  const pass = accountPasses(input);
  await writeJsonParts(
    summary,
    (async function* () {
      for await (const account of pass()) yield accountJsonFindings(input, account);
    })(),
    out,
  );
}

/**
 * Writes `report` (whose `findings` is empty and followed by other keys) with its findings, given
 * in batches: each batch's text is written before the next batch is asked for.
 */
async function writeJsonParts(
  report: object,
  batches: Iterable<Iterable<object>> | AsyncIterable<Iterable<object>>,
  out: Writable,
): Promise<void> {
  const summary = JSON.stringify(report, null, 2);
  const at = summary.indexOf(EMPTY_FINDINGS);
  if (at < 0) throw new Error('JSON report: the findings key is not where the writer expects it');
  let chunk = `${summary.slice(0, at)}\n  "findings": [`;
  let count = 0;
  for await (const batch of batches) {
    for (const finding of batch) {
      chunk += `${count > 0 ? ',' : ''}${FINDING_INDENT}${JSON.stringify(finding, null, 2).replaceAll('\n', FINDING_INDENT)}`;
      count += 1;
      if (chunk.length >= CHUNK_CHARS) {
        await writeText(out, chunk);
        chunk = '';
      }
    }
    if (chunk.length > 0) {
      await writeText(out, chunk);
      chunk = '';
    }
  }
  // JSON.stringify writes an empty array as `[]`, a filled one with its closing bracket on its own line.
  chunk += `${count > 0 ? '\n  ' : ''}],\n${summary.slice(at + EMPTY_FINDINGS.length)}\n`;
  await writeText(out, chunk);
}
