import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/services';
import { approxInCurrency, type DisplayCurrency } from '../../shared/currency';
import { useMe } from '../api/hooks';
import { currentLang } from './index';

export const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/**
 * A date-time in the viewer's own time zone (Intl's default), with the zone shown so "09:00" is
 * never ambiguous. Explicit fields, because `dateStyle` cannot be combined with `timeZoneName`.
 */
export function formatDateTime(locale: string, iso: string, timeZone?: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(date);
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatUsd(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
}

function formatUsdRate(locale: string, currency: DisplayCurrency): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.code }).format(currency.rate);
}

/** USD, then "≈ ₩…" in the user's display currency when set; non-breaking spaces keep it on one line. */
export function formatMoney(lang: Lang, value: number, currency?: DisplayCurrency): string {
  const usd = formatUsd(LOCALES[lang], value);
  return currency ? `${usd}\u00a0${approxInCurrency(value, currency, lang)}` : usd;
}

/** Formatters bound to the chosen UI language (and the signed-in user's display currency). */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const lang = currentLang(i18n);
  const locale = LOCALES[lang];
  const currency = useMe().data?.user?.displayCurrency;
  return {
    currency,
    locale,
    dateTime: (iso: string | null | undefined): string =>
      (iso ? formatDateTime(locale, iso) : null) ?? t('format.never'),
    number: (value: number) => formatNumber(locale, value),
    usd: (value: number) => formatMoney(lang, value, currency),
    /** The rate note for a title attribute, or undefined when amounts are USD only. */
    rateNote: currency
      ? t('settings.currency.approxTitle', { rate: formatUsdRate(locale, currency), date: currency.rateDate })
      : undefined,
  };
}
