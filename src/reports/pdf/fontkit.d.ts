// fontkit (a dependency of pdfkit) ships no types; this declares the calls we use.
declare module 'fontkit' {
  export interface Glyph {
    codePoints: number[];
  }
  export interface Font {
    getGlyph(id: number, codePoints?: number[]): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[] | Record<string, boolean>): unknown;
  }
  export function openSync(path: string): Font;
}
