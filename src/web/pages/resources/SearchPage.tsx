import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { TagList } from '../../components/resources/TagList';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { collectorLabelKey, isCollectorId } from './collectors';
import { useResourceSearch } from './findingsApi';
import { resourcePath } from './format';
import { ResourceSearchForm } from './ResourceSearchForm';

/** /resources/search?q=: every resource of the latest collections matching the words, linked to its page. */
export function SearchPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const query = useResourceSearch(q);
  const data = query.data;

  return (
    <>
      <ResourcesBreadcrumb>
        <li className="breadcrumb-item active" aria-current="page">
          {t('resources.search.title')}
        </li>
      </ResourcesBreadcrumb>
      <PageHeader title={t('resources.search.title')}>{t('resources.search.hint')}</PageHeader>
      <ResourceSearchForm initial={q} />
      {q !== '' && query.isPending && <Loading />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && q !== '' && (
        <section aria-labelledby="search-results-title">
          <h2 className="h6" id="search-results-title" aria-live="polite" data-testid="search-count">
            {data.collections.length === 0
              ? t('resources.search.noCollection')
              : data.total === 0
                ? t('resources.search.none', { q })
                : t('resources.search.results', {
                    count: data.total,
                    formattedCount: fmt.number(data.total),
                  })}
          </h2>
          {data.total > data.results.length && (
            <p className="small text-body-secondary">
              {t('resources.search.shown', { shown: fmt.number(data.results.length) })}
            </p>
          )}
          <ul className="list-group" data-testid="search-results">
            {data.results.map((hit) => (
              <li
                key={`${hit.collectionId}|${hit.collector}|${hit.region}|${hit.resourceId}`}
                className="list-group-item"
                data-testid="search-result"
              >
                <Link
                  className="font-monospace text-break"
                  to={resourcePath(hit.collectionId, hit.collector, hit.resourceId, hit.region)}
                >
                  {hit.resourceId}
                </Link>
                {hit.name && <span className="ms-2 text-break">{hit.name}</span>}
                <div className="small text-body-secondary">
                  {isCollectorId(hit.collector) ? t(collectorLabelKey(hit.collector)) : hit.collector}
                  {` · ${hit.region}`}
                  {hit.accountId && ` · ${t('resources.search.account')} ${hit.accountId}`}
                </div>
                {hit.tags.length > 0 && (
                  <div className="mt-1">
                    <TagList tags={hit.tags} max={5} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
