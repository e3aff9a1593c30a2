import { createRequire } from 'node:module';
import path from 'node:path';
import type { Category, Severity } from '../../core/services.js';
import { SEVERITY_COLORS as WEB_SEVERITY_COLORS } from '../../shared/advisor-text.js';

/** Colours, fonts and page geometry of the PDF, in one place so every section looks the same. */
export const COLORS = {
  brand: '#1F3A5F',
  accent: '#2F6FED',
  text: '#1F2933',
  muted: '#6B7280',
  rule: '#E5E7EB',
  headerFill: '#F3F4F6',
  zebra: '#FAFAFB',
  good: '#15803D',
  fair: '#D97706',
  poor: '#B91C1C',
  white: '#FFFFFF',
} as const;

/** The web's severity colours (src/shared/advisor-text.ts), so a PDF reads like the console. */
export const SEVERITY_COLORS: Record<Severity, string> = WEB_SEVERITY_COLORS;

export const CATEGORY_COLORS: Record<Category, string> = {
  security: '#7C3AED',
  cost: '#059669',
  performance: '#0891B2',
  fault_tolerance: '#DB2777',
  operational: '#64748B',
};

export function scoreColor(score: number | null): string {
  if (score === null) return COLORS.muted;
  return score >= 80 ? COLORS.good : score >= 50 ? COLORS.fair : COLORS.poor;
}

export const FONT = { regular: 'Pretendard', bold: 'Pretendard-Bold' } as const;

export const SIZE = { title: 26, h1: 18, h2: 13, h3: 10.5, body: 9, table: 8, small: 7 } as const;

/** A4 in points, with room above and below for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 48, marginTop: 64, marginBottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

/** The TTFs of the `pretendard` package (it covers Hangul and Latin); pdfkit embeds a subset. */
export function fontPaths(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pretendard/package.json'));
  const dir = path.join(root, 'dist/public/static/alternative');
  return { regular: path.join(dir, 'Pretendard-Regular.ttf'), bold: path.join(dir, 'Pretendard-Bold.ttf') };
}
