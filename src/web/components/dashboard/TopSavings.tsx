import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDto } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useChecks } from '../../pages/advisor/api';
import { Amount } from '../Amount';
import { Card } from '../Card';

/** The ten biggest open savings (GET /api/dashboard picks them, biggest first), each with its basis. */
export function TopSavings({ top }: { top: readonly FindingDto[] }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const checks = useChecks();
  const titles = useMemo(
    () => new Map((checks.data?.checks ?? []).map((c) => [c.id, c.failureLabel[lang]])),
    [checks.data, lang],
  );
  return (
    <Card labelledBy="top-savings-title">
      <h2 id="top-savings-title" className="h6">
        {t('dashboard.topSavings')}
      </h2>
      {top.length === 0 && <p className="text-body-secondary small mb-0">{t('dashboard.topSavingsEmpty')}</p>}
      {top.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm align-middle mb-0" data-testid="top-savings">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.checkColumn')}</th>
                <th scope="col">{t('dashboard.resourceColumn')}</th>
                <th scope="col" className="text-end">
                  {t('dashboard.savingsColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((f) => (
                <tr key={`${f.checkId}|${f.region}|${f.resourceId}`}>
                  <td>
                    {titles.get(f.checkId) ?? f.checkId}
                    {f.savingsBasis && (
                      <div className="small text-body-secondary">{f.savingsBasis[lang]}</div>
                    )}
                  </td>
                  <td className="font-monospace small">
                    {f.resourceName ?? f.resourceId}
                    <div className="text-body-secondary">{f.region}</div>
                  </td>
                  <td className="text-end fw-semibold text-success-emphasis">
                    <Amount usd={f.estimatedMonthlySavingsUsd ?? 0} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
