import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderAdvisorPdf } from '../../src/reports/pdf.js';
import type { ReportInput } from '../../src/reports/types.js';

/** poppler-utils (pdftotext, pdftoppm, pdfinfo) read the PDFs back; CI installs them. */
const run = promisify(execFile);

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'reports-test-'));
}

export async function renderToFile(input: ReportInput, file: string): Promise<string> {
  await renderAdvisorPdf(input, createWriteStream(file));
  return file;
}

export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

export async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** Parses a binary PGM (P5, 8-bit) as written by `pdftoppm -gray`. */
export function parsePgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [whole, w, h, max] = header;
  if (Number(max) !== 255) throw new Error(`unexpected PGM maxval ${max}`);
  const width = Number(w);
  const height = Number(h);
  const pixels = data.subarray(whole.length, whole.length + width * height);
  if (pixels.length !== width * height) throw new Error('truncated PGM');
  return { width, height, pixels };
}

/**
 * Share of clearly non-white pixels on each page, rendered at 40 dpi in grey. `band` keeps only the
 * rows between those shares of the page height (e.g. the content box, without the running header
 * and footer, which alone would make an empty page look inked).
 */
export async function inkPerPage(
  file: string,
  dir: string,
  pages?: { first: number; last: number },
  band: { top: number; bottom: number } = { top: 0, bottom: 1 },
): Promise<number[]> {
  const prefix = path.join(dir, `${path.basename(file, '.pdf')}-page`);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  await run('pdftoppm', ['-gray', '-r', '40', ...range, file, prefix]);
  const files = (await readdir(dir))
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.pgm'))
    .sort();
  const ratios: number[] = [];
  for (const f of files) {
    const { width, height, pixels } = parsePgm(await readFile(path.join(dir, f)));
    const rows = pixels.subarray(
      Math.floor(band.top * height) * width,
      Math.ceil(band.bottom * height) * width,
    );
    let ink = 0;
    for (const value of rows) if (value < 200) ink += 1;
    ratios.push(ink / rows.length);
  }
  return ratios;
}

/** pdftotext breaks lines inside table cells; compare text with all whitespace removed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
