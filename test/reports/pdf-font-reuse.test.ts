/**
 * The report font is parsed once per process and shared by every PDF. Embedding '"' (a composite of
 * two apostrophe glyphs) once used to leave the apostrophe glyph without its character, so every
 * later PDF of the process lost "'" from its text layer: the organization report's reason read
 * "The member account s audit role …" when copied, searched or read aloud.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { renderOrgPdf } from '../../src/reports/pdf-org.js';
import type { OrgReportInput } from '../../src/reports/types.js';
import { fixtureReportInput } from './fixtures.js';
import { pdfText, tempDir } from './pdf-tools.js';

/** An organization report whose only account was refused, with AWS's (quoted) message. */
function refusedOnly(lang: 'en' | 'ko'): OrgReportInput {
  const base = fixtureReportInput({ lang }, 0);
  return {
    lang,
    generatedAt: base.generatedAt,
    regions: base.regions,
    services: base.services,
    checks: base.checks,
    account: { id: '123456789012' },
    scanId: 'col-20261126-0100',
    status: 'failed',
    accounts: [
      {
        id: '444444444444',
        name: 'refused',
        status: 'failed',
        error: 'AccessDenied: not authorized to perform "sts:AssumeRole"',
      },
    ],
  };
}

async function rendered(input: OrgReportInput, file: string): Promise<string> {
  const out = createWriteStream(file);
  await renderOrgPdf(input, out);
  await finished(out);
  return (await pdfText(file)).replace(/\s+/g, ' ');
}

describe('PDF text layer across reports of one process', () => {
  it("a report after one that embedded '\"' keeps its apostrophes", async () => {
    const dir = await tempDir();
    // Korean first: '"' is embedded, the Korean sentences have no apostrophe of their own.
    const ko = await rendered(refusedOnly('ko'), join(dir, 'first-ko.pdf'));
    expect(ko).toContain('"sts:AssumeRole"');
    const en = await rendered(refusedOnly('en'), join(dir, 'second-en.pdf'));
    expect(en).toContain("The member account's audit role could not be assumed:");
    expect(en).toContain('"sts:AssumeRole"');
  });
});
