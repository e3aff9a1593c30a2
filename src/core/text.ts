/** The two languages the product ships, and a text written in both (a leaf module: no imports). */
export const LANGS = ['ko', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export interface LocalizedText {
  ko: string;
  en: string;
}
