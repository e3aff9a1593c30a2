import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { ServiceId } from '../../../core/services';
import { type CollectionMetadataDto, FINAL_STATUSES } from '../../../shared/api/collections';
import { resourcesByService } from '../../../shared/inventory';
import { focusElement } from '../../components/focus';
import { PageHeader } from '../../components/PageHeader';
import { ResourcesBreadcrumb } from '../../components/resources/ResourcesBreadcrumb';
import { CollectionStatusBadge } from '../../components/resources/StatusBadge';
import { ErrorAlert, Loading } from '../../components/States';
import { Tablist, TabPanel } from '../../components/Tablist';
import { useFormat } from '../../i18n/format';
import { exportUrl, useCollection } from './api';
import { ErrorsTable } from './ErrorsTable';
import { formatDuration } from './format';
import { ProgressPanel } from './ProgressPanel';
import { ResourceTable } from './ResourceTable';
import { useProgressStream } from './useProgressStream';

/** One collection: live progress while it runs, then its per-service resource tables. */
export function CollectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const collection = useCollection(id);
  const running = collection.data ? !FINAL_STATUSES.includes(collection.data.status) : false;
  const stream = useProgressStream(id, running);
  const wasRunning = useRef(false);

  // The progress panel (and its Cancel button) goes away when the run ends: a keyboard user whose
  // focus was in it lands back on the page heading rather than at the top of the document.
  useEffect(() => {
    if (running) {
      wasRunning.current = true;
      return;
    }
    const lost = !document.activeElement || document.activeElement === document.body;
    if (wasRunning.current && lost) focusElement(document.querySelector<HTMLElement>('main h1'));
    wasRunning.current = false;
  }, [running]);

  return (
    <>
      <ResourcesBreadcrumb />
      <PageHeader title={t('resources.collection.title')} />
      {collection.isPending && <Loading />}
      {collection.isError && (
        <ErrorAlert error={collection.error} onRetry={() => void collection.refetch()} />
      )}
      {collection.data && (
        <>
          {/* The metadata was read when the page opened (often still "queued"); while the collection
              runs, its status comes from the progress stream, like the panel below. */}
          <CollectionSummary
            collection={
              running && stream.status ? { ...collection.data, status: stream.status } : collection.data
            }
          />
          {running ? (
            <ProgressPanel
              collectionId={id}
              services={collection.data.services}
              regions={collection.data.regions}
              entries={stream.entries}
              status={stream.status}
              connected={stream.connected}
            />
          ) : (
            <FinishedCollection collection={collection.data} />
          )}
        </>
      )}
    </>
  );
}

function CollectionSummary({ collection }: { collection: CollectionMetadataDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = formatDuration(format.locale, collection.durationMs);
  const item = (label: string, value: ReactNode) => (
    <div className="col-6 col-md-4 col-lg-2">
      <dt className="small text-body-secondary fw-normal">{label}</dt>
      <dd className="mb-0 fw-medium text-break">{value}</dd>
    </div>
  );
  return (
    <section className="card shadow-sm mb-4" aria-label={t('resources.collection.title')}>
      <div className="card-body">
        <dl className="row g-3 mb-0">
          {item(t('resources.history.status'), <CollectionStatusBadge status={collection.status} />)}
          {item(
            t('resources.collection.account'),
            <span className="font-monospace">{collection.accountId ?? '—'}</span>,
          )}
          {item(t('resources.collection.connection'), collection.connectionName ?? '—')}
          {item(
            t('resources.collection.started'),
            <time dateTime={collection.startedAt ?? collection.requestedAt}>
              {format.dateTime(collection.startedAt ?? collection.requestedAt)}
            </time>,
          )}
          {item(t('resources.collection.duration'), duration ?? '—')}
          {item(
            t('resources.collection.regions'),
            collection.regions.join(', ') ||
              (collection.requestedRegions === 'all-enabled' ? t('regionPicker.allEnabled') : '—'),
          )}
        </dl>
        {collection.failureReason && (
          <p className="mt-3 mb-0 text-danger-emphasis">
            {t('resources.collection.failure')}: <span lang="en">{collection.failureReason}</span>
          </p>
        )}
        {collection.skippedRegions && collection.skippedRegions.length > 0 && (
          <p className="mt-3 mb-0 small text-body-secondary">
            {t('resources.collection.skippedRegions')}:{' '}
            {collection.skippedRegions.map((s) => `${s.region} (${s.reason})`).join(', ')}
          </p>
        )}
      </div>
    </section>
  );
}

function FinishedCollection({ collection }: { collection: CollectionMetadataDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const services = collection.services;
  const requested = params.get('service');
  const service: ServiceId | undefined = services.find((s) => s === requested) ?? services[0];
  const hasData = collection.status === 'completed' || collection.status === 'completed_with_errors';
  const serviceCount = (s: ServiceId) => resourcesByService(collection.resourceCounts)[s] ?? 0;

  return (
    <>
      {collection.errors.length > 0 && (
        <section className="card shadow-sm mb-4 border-warning-subtle" aria-labelledby="errors-title">
          <div className="card-body">
            <h2 className="h6" id="errors-title">
              {t('resources.collection.errorsTitle', { count: collection.errors.length })}
            </h2>
            <ErrorsTable errors={collection.errors} />
          </div>
        </section>
      )}
      {hasData && service && (
        <section aria-label={t('resources.collection.serviceTabs')}>
          <div className="d-flex flex-wrap align-items-end gap-2 mb-3">
            <Tablist
              label={t('resources.collection.serviceTabs')}
              tabs={services}
              selected={service}
              idPrefix="services"
              className="nav-tabs flex-grow-1"
              onSelect={(s) => setParams({ service: s }, { replace: true })}
              renderTab={(s) => (
                <>
                  {t(`resources.services.${s}`)}{' '}
                  <span className="badge rounded-pill text-bg-light border">
                    {format.number(serviceCount(s))}
                  </span>
                </>
              )}
            />
            <div className="d-flex gap-2 pb-1">
              <a
                className="btn btn-sm btn-outline-primary"
                href={exportUrl(collection.id, 'csv', service)}
                download
              >
                {t('resources.collection.exportCsv')}
              </a>
              <a
                className="btn btn-sm btn-outline-primary"
                href={exportUrl(collection.id, 'json', service)}
                download
              >
                {t('resources.collection.exportJson')}
              </a>
            </div>
          </div>
          <TabPanel idPrefix="services" selected={service}>
            <ResourceTable key={service} collectionId={collection.id} service={service} />
          </TabPanel>
        </section>
      )}
    </>
  );
}
