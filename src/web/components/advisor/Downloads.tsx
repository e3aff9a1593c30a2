import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ServiceId } from '../../../core/services';
import { currentLang } from '../../i18n';
import { reportUrl } from '../../pages/advisor/api';

/** PDF (per service or merged), CSV and JSON of one completed run, in Korean or English. */
export function Downloads({ runId, services }: { runId: string; services: readonly ServiceId[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [service, setService] = useState<ServiceId | ''>('');
  const [lang, setLang] = useState<Lang>(currentLang(i18n));
  const options = { lang, ...(service ? { service } : {}) };
  return (
    <section className="card stat-card mb-4" aria-labelledby={`${id}-title`}>
      <div className="card-body d-flex flex-wrap align-items-end gap-3">
        <h2 id={`${id}-title`} className="h6 mb-0 me-2 align-self-center">
          {t('advisor.downloads.title')}
        </h2>
        <div>
          <label className="form-label small mb-1" htmlFor={`${id}-scope`}>
            {t('advisor.downloads.scope')}
          </label>
          <select
            id={`${id}-scope`}
            className="form-select form-select-sm"
            value={service}
            onChange={(e) => setService(e.target.value as ServiceId | '')}
          >
            <option value="">{t('advisor.downloads.allServices')}</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {t(`advisor.services.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="form-label small mb-1" htmlFor={`${id}-lang`}>
            {t('advisor.downloads.language')}
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
        <div className="d-flex flex-wrap gap-2">
          {(['pdf', 'csv', 'json'] as const).map((format) => (
            <a
              key={format}
              className={`btn btn-sm ${format === 'pdf' ? 'btn-primary' : 'btn-outline-primary'}`}
              href={reportUrl(runId, { format, ...options })}
              download
            >
              {t('advisor.downloads.download', { format: t(`advisor.downloads.${format}`) })}
            </a>
          ))}
        </div>
      </div>
    </section>
  );
}
