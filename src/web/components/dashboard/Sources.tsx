import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SERVICE_IDS } from '../../../core/services';
import type { DashboardSource } from '../../../shared/api/dashboard';
import { useFormat } from '../../i18n/format';
import type { CollectionSource } from '../../pages/dashboard/aggregate';
import { Card } from '../Card';

/**
 * Which advisor run each service × region's findings come from, and which collection each
 * service's resources: after a run of only S3 or only one region, those rows are newer than the
 * rest, and the user should see that at a glance.
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
              <th scope="col">{t('dashboard.regionColumn')}</th>
              <th scope="col">{t('dashboard.runColumn')}</th>
              <th scope="col">{t('dashboard.collectionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {services.flatMap((service) => {
              const collection = collections.find((c) => c.service === service);
              const serviceRuns = runs.filter((r) => r.service === service);
              const rows = serviceRuns.length > 0 ? serviceRuns : [undefined];
              return rows.map((run) => (
                <tr key={`${service}|${run?.region ?? ''}`} data-service={service} data-region={run?.region}>
                  <th scope="row" className="fw-normal">
                    {t(`advisor.services.${service}`)}
                  </th>
                  <td>
                    {run === undefined
                      ? '—'
                      : run.region === 'global'
                        ? t('dashboard.anyRegion')
                        : run.region}
                  </td>
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
              ));
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
