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
