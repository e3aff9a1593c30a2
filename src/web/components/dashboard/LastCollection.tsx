import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CollectionMetadataDto, CollectionSummary } from '../../../shared/api/collections';
import { useFormat } from '../../i18n/format';
import { Card } from '../Card';

const STATUS_CLASS: Record<CollectionSummary['status'], string> = {
  queued: 'badge-status-unknown',
  running: 'badge-status-unknown',
  completed: 'badge-status-pass',
  completed_with_errors: 'badge-status-warning',
  failed: 'badge-status-fail',
  cancelled: 'badge-status-unknown',
};

/** The last finished collection: status, when, where, and every error it met. */
export function LastCollection({
  collection,
  summary,
}: {
  collection: CollectionMetadataDto | undefined;
  summary: CollectionSummary | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = collection ?? summary;
  const errors = collection?.errors ?? [];
  return (
    <Card labelledBy="last-collection-title" testId="last-collection">
      <h2 id="last-collection-title" className="h6 d-flex align-items-center gap-2">
        {t('dashboard.lastCollection')}
        {shown && (
          <span className={`badge rounded-pill border ${STATUS_CLASS[shown.status]}`}>
            {t(`dashboard.collectionStatus.${shown.status}`)}
          </span>
        )}
      </h2>
      {shown && (
        <p className="small text-body-secondary">
          {t('dashboard.collectionSummary', {
            date: fmt.dateTime(shown.finishedAt ?? shown.requestedAt),
            regions: shown.regions.join(', '),
            services: shown.services.map((s) => t(`advisor.services.${s}`)).join(', '),
          })}
        </p>
      )}
      {shown?.failureReason && <p className="small text-danger-emphasis">{shown.failureReason}</p>}
      {errors.length === 0 ? (
        <p className="small mb-2">{t('dashboard.noCollectionErrors')}</p>
      ) : (
        <>
          <h3 className="h6 small fw-semibold">
            {t('dashboard.collectionErrors', { count: errors.length })}
          </h3>
          <ul className="small list-unstyled mb-2" style={{ maxHeight: '12rem', overflowY: 'auto' }}>
            {errors.slice(0, 50).map((e) => (
              <li key={`${e.service}|${e.region}|${e.operation}|${e.code}`} className="mb-1">
                <span className="fw-semibold">
                  {t(`advisor.services.${e.service}`)} · {e.region}
                </span>{' '}
                <code>{e.operation}</code> <code>{e.code}</code>
                <div className="text-body-secondary text-break" lang="en">
                  {e.message}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link className="small" to="/resources">
        {t('dashboard.viewResources')}
      </Link>
    </Card>
  );
}
