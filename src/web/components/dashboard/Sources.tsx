import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SERVICE_IDS } from '../../../core/services';
import type { DashboardSource } from '../../../shared/api/dashboard';
import { useFormat } from '../../i18n/format';
import type { CollectionSource } from '../../pages/dashboard/aggregate';
import { Card } from '../Card';

/**
 * Which advisor run and which collection each service's figures come from: after a run of only
 * S3, S3 is newer than the rest, and the user should see that at a glance.
 */
export function Sources({ runs, collections }: { runs: DashboardSource[]; collections: CollectionSource[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const services = SERVICE_IDS.filter(
    (s) => runs.some((r) => r.service === s) || collections.some((c) => c.service === s),
  );
  if (services.length === 0) return null;
  const notYet = <span className="text-body-secondary">{t('dashboard.notYet')}</span>;
  return (
    <Card labelledBy="dash-sources-title" className="mb-3">
      <h2 id="dash-sources-title" className="h6 mb-1">
        {t('dashboard.sourcesTitle')}
      </h2>
      <p className="small text-body-secondary mb-2">{t('dashboard.sourcesHelp')}</p>
      <div className="table-responsive">
        <table className="table table-sm small mb-0" data-testid="dash-sources">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.serviceColumn')}</th>
              <th scope="col">{t('dashboard.runColumn')}</th>
              <th scope="col">{t('dashboard.collectionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => {
              const run = runs.find((r) => r.service === service);
              const collection = collections.find((c) => c.service === service);
              return (
                <tr key={service} data-service={service}>
                  <th scope="row" className="fw-normal">
                    {t(`advisor.services.${service}`)}
                  </th>
                  <td data-run={run?.runId}>
                    {run ? (
                      <Link to={`/advisor?run=${encodeURIComponent(run.runId)}`}>{fmt.dateTime(run.at)}</Link>
                    ) : (
                      notYet
                    )}
                  </td>
                  <td data-collection={collection?.collectionId}>
                    {collection ? (
                      <Link to={`/resources/collections/${encodeURIComponent(collection.collectionId)}`}>
                        {fmt.dateTime(collection.at)}
                      </Link>
                    ) : (
                      notYet
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
