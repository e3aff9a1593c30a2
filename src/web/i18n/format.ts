import { useTranslation } from 'react-i18next';
import { currentLang } from './index';

const LOCALES = { ko: 'ko-KR', en: 'en-US' } as const;

/**
 * Formatters for the chosen language. Dates use the viewer's own time zone (Intl's default) and
 * show it, so "09:00" is never ambiguous.
 */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = LOCALES[currentLang(i18n)];
  return {
    locale,
    dateTime(iso: string | null | undefined): string {
      if (!iso) return t('format.never');
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return t('format.never');
      return new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZoneName: 'short',
      }).format(date);
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
    usd(value: number): string {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(value);
    },
  };
}
