import { useTranslation } from 'react-i18next';
import { LANGS } from '../../core/services';
import { currentLang, switchLanguage } from '../i18n';
import { GlobeIcon } from './Icons';

/** Two always-visible buttons, each labelled in its own language so anyone can find theirs. */
export function LanguageSwitch({ variant = 'light' }: { variant?: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  const active = currentLang(i18n);
  const outline = variant === 'dark' ? 'btn-outline-light' : 'btn-outline-secondary';
  const filled = variant === 'dark' ? 'btn-light' : 'btn-secondary';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled button group is the Bootstrap pattern for a toggle set
    <div className="d-inline-flex align-items-center gap-2" role="group" aria-label={t('language.label')}>
      <GlobeIcon size={18} className={variant === 'dark' ? 'text-white-50' : 'text-body-secondary'} />
      <div className="btn-group btn-group-sm">
        {LANGS.map((lang) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            className={`btn ${lang === active ? filled : outline}`}
            aria-pressed={lang === active}
            onClick={() => void switchLanguage(i18n, lang)}
          >
            {t(`language.${lang}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
