import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceFrameworkId } from '../../../core/compliance';
import type { Lang } from '../../../core/services';
import { currentLang } from '../../i18n';
import { reportUrl } from '../../pages/advisor/api';
import { complianceReportUrl } from '../../pages/advisor/complianceApi';
import { DownloadPanel } from './DownloadPanel';

/** The framework's CSV and JSON, and the run's merged PDF whose compliance section covers every framework. */
export function ComplianceDownloads({
  runId,
  framework,
}: {
  runId: string;
  framework: ComplianceFrameworkId;
}) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>(currentLang(i18n));
  return (
    <DownloadPanel
      title={t('compliance.downloads.title')}
      heading="h3"
      languageLabel={t('compliance.downloads.language')}
      lang={lang}
      onLangChange={setLang}
      testId="compliance-downloads"
      links={[
        { format: 'pdf', href: reportUrl(runId, { format: 'pdf', lang }) },
        { format: 'csv', href: complianceReportUrl(runId, { framework, format: 'csv', lang }) },
        { format: 'json', href: complianceReportUrl(runId, { framework, format: 'json', lang }) },
      ]}
    />
  );
}
