import { type Font, openSync } from 'fontkit';
import { cleanText } from '../format.js';
import { fontPaths } from './theme.js';

/**
 * Pretendard's OpenType features (contextual alternates, kerning over thousands of classes) make
 * fontkit spend milliseconds per word, minutes for a 5,000-finding report. The report does not need
 * them, so layout runs with every default feature off: about 0.1 ms per word.
 */
const PLAIN_LAYOUT: Record<string, boolean> = Object.fromEntries(
  ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'clig', 'rclt', 'curs', 'rvrn'].map(
    (f) => [f, false],
  ),
);

export interface ReportFonts {
  regular: Font;
  bold: Font;
  /** Untrusted text made drawable: controls shown visibly, glyphs the font lacks replaced by "?". */
  clean(text: string, maxLength?: number): string;
}

let cached: ReportFonts | undefined;

function openPlain(path: string): Font {
  const font = openSync(path);
  const layout = font.layout.bind(font);
  font.layout = (text, features) => layout(text, features ?? PLAIN_LAYOUT);
  // fontkit keeps one glyph object per id for the font's life. Embedding a composite glyph ('"' is
  // two apostrophes) creates its components without code points; with the font shared across
  // documents, a later report then mapped "'" to nothing in its text layer (copy, search and
  // screen readers read "account s"). A glyph reached through a character gets that character back.
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

/**
 * Opened once per process (parsing a 2.7 MB TTF costs ~0.5 s) and shared by every document;
 * pdfkit keeps the embedded subset per document, so sharing the parsed font is safe.
 */
export function reportFonts(): ReportFonts {
  if (cached) return cached;
  const paths = fontPaths();
  const regular = openPlain(paths.regular);
  const bold = openPlain(paths.bold);
  const covered = new Map<number, boolean>();
  // Pretendard has no emoji, Arabic/Hebrew or Han glyphs: pdfkit would draw invisible .notdef
  // glyphs that text extraction cannot read back, so the reader sees "?" instead.
  const hasGlyph = (codePoint: number): boolean => {
    let known = covered.get(codePoint);
    if (known === undefined) {
      known = regular.hasGlyphForCodePoint(codePoint) && bold.hasGlyphForCodePoint(codePoint);
      covered.set(codePoint, known);
    }
    return known;
  };
  const clean = (text: string, maxLength?: number): string => {
    let out = '';
    for (const ch of cleanText(text, maxLength)) {
      const codePoint = ch.codePointAt(0)!;
      if (codePoint === 0xfe0f) continue; // emoji presentation selector: drop with its emoji
      out += codePoint === 0x20 || hasGlyph(codePoint) ? ch : '?';
    }
    return out;
  };
  cached = { regular, bold, clean };
  return cached;
}

/** Pages between two resets of the word-layout caches (see forgetWordLayouts). */
export const LAYOUT_CACHE_PAGES = 10;

/** The part of pdfkit's (untyped) document internals that holds each embedded font's word cache. */
interface FontFamilies {
  _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }>;
}

/**
 * pdfkit keeps the laid-out glyph run of every distinct word it has measured or drawn, per font and
 * per document, for the document's life: with 20,000 findings (a resource id or two in each row)
 * that cache alone grew the PDF scan by ~110 MB. Emptying it every few pages bounds it by the words
 * of those pages; a word seen again is laid out again (fonts.ts keeps that cheap).
 */
export function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as FontFamilies)._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}
