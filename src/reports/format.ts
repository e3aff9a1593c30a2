import type { Lang } from '../core/services.js';
import { approxInCurrency, type DisplayCurrency } from '../shared/currency.js';
import { ReportInputError } from './types.js';

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** Formatters for one language and time zone, built once per report (Intl objects are costly). */
export interface Formatters {
  lang: Lang;
  timeZone: string;
  /** USD, then "≈ ₩…" when a display currency is set; joined by non-breaking spaces (never wraps). */
  money(usd: number): string;
  number(value: number): string;
  /** Date and time with the zone name, e.g. "2026년 11월 26일 오후 12:48 (Asia/Seoul)". */
  dateTime(iso: string): string;
  /** Calendar date only, for expiries. */
  date(iso: string): string;
}

export function resolveTimeZone(timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new ReportInputError(`Unknown time zone "${zone}"; use an IANA name such as Asia/Seoul or UTC.`);
  }
}

/** Korean noon marks; Node builds with reduced ICU data print "AM"/"PM" in a Korean date. */
const KO_DAY_PERIOD = { am: '오전', pm: '오후' } as const;

function formatDateTime(format: Intl.DateTimeFormat, value: Date, lang: Lang): string {
  if (lang !== 'ko') return format.format(value);
  return format
    .formatToParts(value)
    .map((part) => {
      if (part.type !== 'dayPeriod') return part.value;
      return /^(AM|a\.?m\.?|오전)$/i.test(part.value) ? KO_DAY_PERIOD.am : KO_DAY_PERIOD.pm;
    })
    .join('');
}

export function createFormatters(lang: Lang, timeZone?: string, currency?: DisplayCurrency): Formatters {
  const zone = resolveTimeZone(timeZone);
  const locale = LOCALES[lang];
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone });
  const parse = (iso: string): Date | undefined => {
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? undefined : value;
  };
  return {
    lang,
    timeZone: zone,
    money: (usd) =>
      currency ? `${money.format(usd)}\u00a0(${approxInCurrency(usd, currency, lang)})` : money.format(usd),
    number: (value) => number.format(value),
    // An unparsable stored date is shown as-is rather than as "Invalid Date".
    dateTime: (iso) => {
      const value = parse(iso);
      return value ? `${formatDateTime(dateTime, value, lang)} (${zone})` : iso;
    },
    date: (iso) => {
      const value = parse(iso);
      return value ? date.format(value) : iso;
    },
  };
}

// Bidi overrides/isolates and zero-width marks can make a resource name read differently from
// what it is ("Trojan Source"); C0/C1 controls would break the layout. Both are shown visibly.
const INVISIBLE_CONTROLS = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Makes untrusted text (names, tags, messages from the account) safe to lay out: controls become
 * visible `<U+XXXX>` markers, tabs/newlines become spaces, and the length is capped so one hostile
 * name cannot fill pages. PDF text is drawn as glyphs, never interpreted, so no other escaping applies.
 */
export function cleanText(text: string, maxLength = 600): string {
  const visible = text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(
      INVISIBLE_CONTROLS,
      (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
    );
  const chars = Array.from(visible);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : visible;
}
