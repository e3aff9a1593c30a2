import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceFrameworkId } from '../../../core/compliance';
import type { Lang } from '../../../core/services';
import { currentLang } from '../../i18n';
import { reportUrl } from '../../pages/advisor/api';
import { complianceReportUrl } from '../../pages/advisor/complianceApi';

/** The framework's CSV and JSON, and the run's merged PDF whose compliance section covers every framework. */
export function ComplianceDownloads({
  runId,
  framework,
}: {
  runId: string;
  framework: ComplianceFrameworkId;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState<Lang>(currentLang(i18n));
  const links = [
    { format: 'pdf', href: reportUrl(runId, { format: 'pdf', lang }) },
    { format: 'csv', href: complianceReportUrl(runId, { framework, format: 'csv', lang }) },
    { format: 'json', href: complianceReportUrl(runId, { framework, format: 'json', lang }) },
  ] as const;
  return (
    <section className="card stat-card mb-4" aria-labelledby={`${id}-title`}>
      <div className="card-body d-flex flex-wrap align-items-end gap-3">
        <h3 id={`${id}-title`} className="h6 mb-0 me-2 align-self-center">
          {t('compliance.downloads.title')}
        </h3>
        <div>
          <label className="form-label small mb-1" htmlFor={`${id}-lang`}>
            {t('compliance.downloads.language')}
          </label>
          <select
            id={`${id}-lang`}
            className="form-select form-select-sm"
            value={lang}
            onChange={(e) => setLang(e.target.value === 'ko' ? 'ko' : 'en')}
          >
            <option value="ko">{t('language.ko')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </div>
        <div className="d-flex flex-wrap gap-2" data-testid="compliance-downloads">
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
