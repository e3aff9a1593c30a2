import { HOURS_PER_MONTH, type PriceQuote } from '../../core/prices.js';
import type { LocalizedText } from '../../core/services.js';

const UNIT_TEXT: Record<PriceQuote['unit'], LocalizedText> = {
  hour: { en: 'per hour', ko: '시간당' },
  'GB-month': { en: 'per GB-month', ko: 'GB-월당' },
  'IOPS-month': { en: 'per IOPS-month', ko: 'IOPS-월당' },
  'MiBps-month': { en: 'per MiB/s-month', ko: 'MiB/s-월당' },
  'GB-second': { en: 'per GB-second', ko: 'GB-초당' },
  request: { en: 'per request', ko: '요청당' },
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
