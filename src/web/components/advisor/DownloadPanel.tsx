import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/services';

export interface DownloadLink {
  format: 'pdf' | 'csv' | 'json';
  href: string;
}

/**
 * The card both download panels share: a title, optional extra pickers, the report language and
 * one button per format (PDF first and primary).
 */
export function DownloadPanel({
  title,
  heading: Heading,
  languageLabel,
  lang,
  onLangChange,
  links,
  testId,
  children,
}: {
  title: string;
  heading: 'h2' | 'h3';
  languageLabel: string;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  links: readonly DownloadLink[];
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card stat-card mb-4" aria-labelledby={`${id}-title`}>
      <div className="card-body d-flex flex-wrap align-items-end gap-3">
        <Heading id={`${id}-title`} className="h6 mb-0 me-2 align-self-center">
          {title}
        </Heading>
        {children}
        <div>
          <label className="form-label small mb-1" htmlFor={`${id}-lang`}>
            {languageLabel}
          </label>
          <select
            id={`${id}-lang`}
            className="form-select form-select-sm"
            value={lang}
            onChange={(e) => onLangChange(e.target.value === 'ko' ? 'ko' : 'en')}
          >
            <option value="ko">{t('language.ko')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </div>
        <div className="d-flex flex-wrap gap-2" data-testid={testId}>
          {links.map((link) => (
            <a
              key={link.format}
              className={`btn btn-sm ${link.format === 'pdf' ? 'btn-primary' : 'btn-outline-primary'}`}
              href={link.href}
              download
            >
              {t('advisor.downloads.download', { format: t(`advisor.downloads.${link.format}`) })}
            </a>
          ))}
        </div>
      </div>
    </section>
  );
}
