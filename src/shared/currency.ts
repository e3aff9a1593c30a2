import { z } from 'zod';

/**
 * An optional display currency shown beside USD amounts ("≈ ₩1,350,000"): the user sets the rate
 * (won per dollar) and the date it is from, so a reader knows the figure is a conversion, not a bill.
 */
export const DisplayCurrencySchema = z.object({
  code: z.literal('KRW'),
  /** Won per US dollar. */
  rate: z.number().finite().min(1).max(100_000),
  /** The day the rate is from (YYYY-MM-DD). */
  rateDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
});
export type DisplayCurrency = z.infer<typeof DisplayCurrencySchema>;

const LOCALES = { ko: 'ko-KR', en: 'en-US' } as const;

/** "≈ ₩1,350,000" (no decimals: won have none), spaces non-breaking so it never wraps. */
export function approxInCurrency(usd: number, currency: DisplayCurrency, lang: 'ko' | 'en'): string {
  const won = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: currency.code,
    maximumFractionDigits: 0,
  }).format(Math.round(usd * currency.rate));
  return `≈\u00a0${won}`;
}
