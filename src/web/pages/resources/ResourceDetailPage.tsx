import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { FieldTable } from '../../components/resources/FieldTable';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { ErrorAlert, Loading } from '../../components/States';
import { useResource } from './api';
import { collectorLabelKey, isCollectorId, serviceOfCollector } from './collectors';
import { displayName, tagsOf } from './format';
import { MetricsSection } from './MetricsSection';
import { ResourceFindings } from './ResourceFindings';

/** One resource: its metrics as charts, its tags, and every collected field. */
export function ResourceDetailPage() {
  const { t } = useTranslation();
  const { id = '', collector = '', resourceId = '' } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const valid = isCollectorId(collector);
  const query = useResource(id, collector, resourceId, region);
  const back = valid
    ? `/resources/collections/${encodeURIComponent(id)}?service=${serviceOfCollector(collector)}&kind=${encodeURIComponent(collector)}`
    : `/resources/collections/${encodeURIComponent(id)}`;
  const data = query.data;
  const resource = data?.resource;
  const name = resource && valid ? displayName(collector, resource) : undefined;
  const tags = resource ? tagsOf(resource) : [];

  return (
    <>
      <ResourcesBreadcrumb>
        <li className="breadcrumb-item">
          <Link to={back}>{valid ? t(collectorLabelKey(collector)) : t('resources.detail.back')}</Link>
        </li>
        <li className="breadcrumb-item active" aria-current="page">
          <span className="font-monospace">{resourceId}</span>
        </li>
      </ResourcesBreadcrumb>
      <PageHeader title={name ? `${name} (${resourceId})` : resourceId}>
        {valid ? t(collectorLabelKey(collector)) : ''}
        {region ? ` · ${region}` : ''}
      </PageHeader>
      {query.isPending && <Loading />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && resource && valid && (
        <>
          <ResourceFindings
            collectionId={id}
            collector={collector}
            resourceId={resourceId}
            region={typeof resource.region === 'string' ? resource.region : 'global'}
          />
          {data.metricsCollector && (
            <section className="mb-4" aria-labelledby="metrics-title">
              <h2 className="h5" id="metrics-title">
                {t('resources.detail.metrics')}
              </h2>
              {data.metrics ? (
                <MetricsSection collector={collector} metrics={data.metrics} />
              ) : (
                <p className="text-body-secondary">{t('resources.detail.noMetrics')}</p>
              )}
            </section>
          )}
          <div className="row g-4">
            <div className="col-lg-4 order-lg-2">
              <section className="card shadow-sm" aria-labelledby="tags-title">
                <div className="card-body">
                  <h2 className="h5" id="tags-title">
                    {t('resources.detail.tags')}
                  </h2>
                  {tags.length === 0 ? (
                    <p className="text-body-secondary mb-0">{t('resources.detail.noTags')}</p>
                  ) : (
                    <table className="table table-sm mb-0" data-testid="resource-tags">
                      <thead>
                        <tr>
                          <th scope="col">{t('resources.columns.key')}</th>
                          <th scope="col">{t('resources.columns.value')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {tags.map((tag) => (
                          <tr key={tag.key}>
                            <td className="font-monospace small">{tag.key}</td>
                            <td className="text-break">{tag.value}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              </section>
            </div>
            <div className="col-lg-8 order-lg-1">
              <section className="card shadow-sm" aria-labelledby="fields-title">
                <div className="card-body">
                  <h2 className="h5" id="fields-title">
                    {t('resources.detail.fields')}
                  </h2>
                  <FieldTable record={resource} caption={t('resources.detail.fields')} />
                </div>
              </section>
            </div>
          </div>
        </>
      )}
    </>
  );
}
