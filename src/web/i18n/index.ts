import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '../../core/services';
import { en } from './en';
import { ko } from './ko';

/** localStorage key of the language the user picked with the navbar switch. */
export const LANG_STORAGE_KEY = 'again-console.lang';

export const resources = { en: { translation: en }, ko: { translation: ko } } as const;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The active UI language, narrowed to the two we ship ('ko-KR' → 'ko'). */
export function currentLang(instance: i18n): Lang {
  const lang = instance.resolvedLanguage ?? instance.language;
  return isLang(lang) ? lang : 'en';
}

/**
 * Order: the user's explicit choice (localStorage), then the browser's languages. Only an explicit
 * switch is stored, so a user who never chose keeps following the browser.
 */
export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  instance.on('languageChanged', () => {
    document.documentElement.lang = currentLang(instance);
  });
  await instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: [...LANGS],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes text itself
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANG_STORAGE_KEY,
        caches: [],
      },
      returnNull: false,
    });
  document.documentElement.lang = currentLang(instance);
  return instance;
}

/** The navbar switch: change the language and remember the choice. */
export async function switchLanguage(instance: i18n, lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the switch still works for this visit.
  }
  await instance.changeLanguage(lang);
}
