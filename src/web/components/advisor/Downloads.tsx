import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ServiceId } from '../../../core/services';
import { currentLang } from '../../i18n';
import { reportUrl } from '../../pages/advisor/api';
import { DownloadPanel } from './DownloadPanel';

/** PDF (per service or merged), CSV and JSON of one completed run, in Korean or English. */
export function Downloads({ runId, services }: { runId: string; services: readonly ServiceId[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [service, setService] = useState<ServiceId | ''>('');
  const [lang, setLang] = useState<Lang>(currentLang(i18n));
  const options = { lang, ...(service ? { service } : {}) };
  return (
    <DownloadPanel
      title={t('advisor.downloads.title')}
      heading="h2"
      languageLabel={t('advisor.downloads.language')}
      lang={lang}
      onLangChange={setLang}
      links={(['pdf', 'csv', 'json'] as const).map((format) => ({
        format,
        href: reportUrl(runId, { format, ...options }),
      }))}
    >
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
    </DownloadPanel>
  );
}
