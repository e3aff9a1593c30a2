import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/services';
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

/** Formatters bound to the chosen UI language. */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = LOCALES[currentLang(i18n)];
  return {
    locale,
    dateTime: (iso: string | null | undefined): string =>
      (iso ? formatDateTime(locale, iso) : null) ?? t('format.never'),
    number: (value: number) => formatNumber(locale, value),
    usd: (value: number) => formatUsd(locale, value),
  };
}
