import { HOURS_PER_MONTH, type PriceQuote } from '../../core/prices.js';
import type { LocalizedText } from '../../core/services.js';

const UNIT_TEXT: Record<PriceQuote['unit'], LocalizedText> = {
  hour: { en: 'per hour', ko: '시간당' },
  'GB-month': { en: 'per GB-month', ko: 'GB-월당' },
  'IOPS-month': { en: 'per IOPS-month', ko: 'IOPS-월당' },
  'MiBps-month': { en: 'per MiB/s-month', ko: 'MiB/s-월당' },
  'GB-second': { en: 'per GB-second', ko: 'GB-초당' },
  request: { en: 'per request', ko: '요청당' },
  'RCU-hour': { en: 'per RCU-hour', ko: 'RCU-시간당' },
  'WCU-hour': { en: 'per WCU-hour', ko: 'WCU-시간당' },
  'secret-month': { en: 'per secret-month', ko: '보안 암호-월당' },
};

/** Monthly cost of an hourly price (AWS's 730-hour month). */
export function monthlyFromHourly(quote: PriceQuote): number {
  return quote.usd * HOURS_PER_MONTH;
}

export function usd(amount: number): string {
  return `${amount.toFixed(2)} USD`;
}

/** "0.096 USD per hour (us-east-1, embedded price table as of 2025-06-01)" in both languages. */
export function describeQuote(label: LocalizedText, quote: PriceQuote): LocalizedText {
  const source: LocalizedText =
    quote.source === 'embedded'
      ? { en: `embedded price table as of ${quote.asOf}`, ko: `내장 가격표 ${quote.asOf} 기준` }
      : { en: `AWS Price List API, ${quote.asOf}`, ko: `AWS Price List API, ${quote.asOf} 조회` };
  return {
    en: `${label.en} ${quote.usd} USD ${UNIT_TEXT[quote.unit].en} (${quote.region}, ${source.en}, On-Demand list price)`,
    ko: `${label.ko} ${UNIT_TEXT[quote.unit].ko} ${quote.usd} USD (${quote.region}, ${source.ko}, 온디맨드 정가)`,
  };
}

/** A savings basis: the formula, then every price it used. */
export function savingsBasis(
  formula: LocalizedText,
  prices: { label: LocalizedText; quote: PriceQuote }[],
): LocalizedText {
  const parts = prices.map((p) => describeQuote(p.label, p.quote));
  return {
    en: [formula.en, ...parts.map((p) => p.en)].join('; '),
    ko: [formula.ko, ...parts.map((p) => p.ko)].join('; '),
  };
}

export const NO_PRICE: LocalizedText = {
  en: 'No list price is known for this type in this region, so no savings figure is given.',
  ko: '이 리전의 해당 유형 가격 정보가 없어 절감액을 제시하지 않습니다.',
};

/** One side of a type change: the instance type or DB class and its hourly list price. */
export interface HourlyOption {
  type: string;
  quote: PriceQuote | undefined;
}

/**
 * Monthly savings of running `to` instead of `from` (difference of hourly prices × 730), with the
 * basis naming both prices; undefined when either price is unknown. `note` is appended to the
 * formula (e.g. the engine and deployment the RDS prices are for).
 */
export function hourlySwitchSavings(
  from: HourlyOption,
  to: HourlyOption,
  note?: LocalizedText,
): { savings: number; basis: LocalizedText } | undefined {
  if (!from.quote || !to.quote) return undefined;
  const tail = note ? { en: `, ${note.en}`, ko: `, ${note.ko}` } : { en: '', ko: '' };
  return {
    savings: (from.quote.usd - to.quote.usd) * HOURS_PER_MONTH,
    basis: savingsBasis(
      {
        en: `(${from.quote.usd} − ${to.quote.usd}) USD/hour × ${HOURS_PER_MONTH} hours${tail.en}`,
        ko: `(${from.quote.usd} − ${to.quote.usd}) USD/시간 × ${HOURS_PER_MONTH}시간${tail.ko}`,
      },
      [
        { label: { en: from.type, ko: from.type }, quote: from.quote },
        { label: { en: to.type, ko: to.type }, quote: to.quote },
      ],
    ),
  };
}

/** " to save 12.34 USD a month" / " (월 12.34 USD 절감)", or nothing without a figure. */
export function savingsSuffix(savings: number | undefined): LocalizedText {
  return savings === undefined
    ? { en: '', ko: '' }
    : { en: ` to save ${usd(savings)} a month`, ko: ` (월 ${usd(savings)} 절감)` };
}

/**
 * Savings of moving a previous-generation type to its current equivalent: only a cheaper
 * equivalent counts (newer types are often dearer per hour), and none without both prices.
 */
export function upgradeSavings(
  from: HourlyOption,
  to: HourlyOption,
): { savings: number; basis: LocalizedText } | undefined {
  const saving = hourlySwitchSavings(from, to);
  return saving && saving.savings > 0 ? saving : undefined;
}
