import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_CACHE_PAGES, reportFonts } from '../../src/reports/pdf/fonts.js';
import { PdfWriter } from '../../src/reports/pdf/layout.js';
import { FONT, PAGE } from '../../src/reports/pdf/theme.js';
import { pageCount, pdfText, squash, tempDir } from './pdf-tools.js';

/** pdfkit's per-font word cache (an internal the fix relies on: a pdfkit upgrade must keep it). */
interface FontFamilies {
  _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }>;
}

const ROWS = 3000;
const volumeId = (i: number): string => `vol-${i.toString(16).padStart(17, '0')}`;

let dir: string;
let file: string;
let cachedWords: number;
let pagesDrawn: number;

beforeAll(async () => {
  dir = await tempDir();
  file = `${dir}/words.pdf`;
  const fonts = reportFonts();
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], autoFirstPage: false, bufferPages: false });
  doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer);
  const done = pipeline(doc, createWriteStream(file));
  const w = new PdfWriter(doc, 'en', 'header', undefined, fonts.clean);
  w.addPage();
  // Every row carries two words seen nowhere else, as resource ids and sizes do in a scan.
  await w.table(
    [
      { header: 'Resource', width: 0.5 },
      { header: 'Message', width: 0.5 },
    ],
    Array.from({ length: ROWS }, (_, i) => [volumeId(i), `Volume is not encrypted (${i} GiB).`]),
  );
  const families = Object.values((doc as unknown as FontFamilies)._fontFamilies);
  cachedWords = families.reduce((sum, font) => sum + Object.keys(font.layoutCache ?? {}).length, 0);
  pagesDrawn = w.page;
  doc.end();
  await done;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF word-layout cache', () => {
  it('holds the words of the last few pages, not of the whole document', () => {
    expect(pagesDrawn).toBeGreaterThan(3 * LAYOUT_CACHE_PAGES);
    // Without the reset the cache holds every row's unique words (6,000+ entries); with it, at
    // most those of the pages since the last reset (an id and a number, measured and drawn).
    const rowsPerPage = ROWS / pagesDrawn;
    expect(cachedWords).toBeGreaterThan(0);
    expect(cachedWords).toBeLessThan(4 * rowsPerPage * LAYOUT_CACHE_PAGES + 200);
    expect(cachedWords).toBeLessThan(ROWS / 2);
  });

  it('still draws every row: ids from the first, a reset and the last page read back', async () => {
    expect(await pageCount(file)).toBe(pagesDrawn);
    const text = squash(await pdfText(file));
    for (const i of [0, 1, ROWS / 2, ROWS - 1]) expect(text).toContain(volumeId(i));
    expect(text).toContain(squash(`Volume is not encrypted (${ROWS - 1} GiB).`));
  });
});
