import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CollectionSummary } from '../../../shared/api/collections';
import { resourceTotal } from '../../../shared/inventory';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { focusElement } from '../../components/focus';
import { GettingStarted } from '../../components/GettingStarted';
import { ServerIcon } from '../../components/Icons';
import { PageHeader } from '../../components/PageHeader';
import { CollectionStatusBadge } from '../../components/resources/StatusBadge';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useCollections, useDeleteCollection } from './api';
import { formatDuration } from './format';
import { ResourceSearchForm } from './ResourceSearchForm';

const COMPARABLE = new Set(['completed', 'completed_with_errors']);
const MAX_REGIONS_SHOWN = 3;

/** Resources home: every collection of the user, newest first, with open / delete / compare. */
export function HistoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const collections = useCollections();
  const remove = useDeleteCollection();
  const [toDelete, setToDelete] = useState<CollectionSummary | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // The deleted row took its Delete button (the dialog's opener) with it: focus goes to the list's
  // heading, or the page heading once the list is empty, not to the top of the document.
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    const list = collections.data?.collections;
    // Wait for the refetched list without the deleted row, so the target is the one that stays.
    if (!refocus || !list || list.some((c) => c.id === refocus)) return;
    focusElement(document.getElementById('history-title') ?? document.querySelector<HTMLElement>('main h1'));
    setRefocus(null);
  }, [refocus, collections.data]);

  const startButton = (
    <Link className="btn btn-primary" to="/resources/new">
      {t('resources.history.start')}
    </Link>
  );
  const header = (
    <div className="d-flex flex-wrap align-items-start justify-content-between gap-2">
      <PageHeader title={t('pages.resources.title')} />
      {startButton}
    </div>
  );
  if (collections.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (collections.isError)
    return (
      <>
        {header}
        <ErrorAlert error={collections.error} onRetry={() => void collections.refetch()} />
      </>
    );
  const rows = collections.data.collections;
  if (rows.length === 0)
    return (
      <>
        {header}
        <div className="mb-4">
          <EmptyState
            icon={<ServerIcon size={32} />}
            title={t('pages.resources.emptyTitle')}
            action={startButton}
          >
            {t('pages.resources.emptyBody')}
          </EmptyState>
        </div>
        <GettingStarted />
      </>
    );

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) =>
      on ? [...prev.filter((x) => x !== id), id].slice(-2) : prev.filter((x) => x !== id),
    );
  const compare = () => {
    const [a, b] = selected
      .map((id) => rows.find((r) => r.id === id))
      .filter((r): r is CollectionSummary => Boolean(r));
    if (!a || !b) return;
    const [older, newer] = a.requestedAt <= b.requestedAt ? [a, b] : [b, a];
    navigate(`/resources/compare?from=${encodeURIComponent(older.id)}&to=${encodeURIComponent(newer.id)}`);
  };

  return (
    <>
      {header}
      <ResourceSearchForm />
      {notice && (
        <div className="alert alert-success py-2" role="status">
          {notice}
        </div>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      <section className="card shadow-sm" aria-labelledby="history-title">
        <div className="card-body">
          <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
            <h2 className="h5 mb-0" id="history-title">
              {t('resources.history.title')}
            </h2>
            <span className="small text-body-secondary ms-auto">{t('resources.history.compareHint')}</span>
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              disabled={selected.length !== 2}
              onClick={compare}
            >
              {t('resources.history.compare')}
            </button>
          </div>
          <DataTable
            testId="collections-table"
            columns={[
              { label: t('resources.history.compare'), hiddenLabel: true },
              { label: t('resources.history.requested') },
              { label: t('resources.history.status') },
              { label: t('resources.history.duration'), className: 'd-none d-md-table-cell' },
              { label: t('resources.history.regions'), className: 'd-none d-sm-table-cell' },
              { label: t('resources.history.services'), className: 'd-none d-lg-table-cell' },
              { label: t('resources.history.resources'), className: 'text-end d-none d-sm-table-cell' },
              { label: t('resources.history.errors'), className: 'text-end d-none d-sm-table-cell' },
              { label: t('resources.history.actions'), className: 'text-end' },
            ]}
          >
            {rows.map((row) => {
              const when = format.dateTime(row.startedAt ?? row.requestedAt);
              const extra = row.regions.length - MAX_REGIONS_SHOWN;
              return (
                <tr key={row.id} data-collection-id={row.id} data-status={row.status}>
                  <td>
                    <input
                      type="checkbox"
                      className="form-check-input"
                      disabled={!COMPARABLE.has(row.status)}
                      checked={selected.includes(row.id)}
                      onChange={(event) => toggle(row.id, event.target.checked)}
                      aria-label={t('resources.history.select', { when })}
                    />
                  </td>
                  <th scope="row" className="fw-normal">
                    <Link to={`/resources/collections/${encodeURIComponent(row.id)}`}>
                      <time dateTime={row.requestedAt}>{when}</time>
                    </Link>
                    {row.connectionName && (
                      <div className="small text-body-secondary">{row.connectionName}</div>
                    )}
                  </th>
                  <td>
                    <CollectionStatusBadge status={row.status} />
                  </td>
                  <td className="d-none d-md-table-cell">
                    {formatDuration(format.locale, row.durationMs) ?? '—'}
                  </td>
                  <td className="small font-monospace d-none d-sm-table-cell">
                    {row.regions.slice(0, MAX_REGIONS_SHOWN).join(', ') || '—'}
                    {extra > 0 && <> {t('resources.history.moreRegions', { count: extra })}</>}
                  </td>
                  <td className="d-none d-lg-table-cell small">
                    {row.services.map((s) => t(`resources.services.${s}`)).join(', ')}
                  </td>
                  <td className="text-end d-none d-sm-table-cell">
                    {format.number(resourceTotal(row.resourceCounts))}
                  </td>
                  <td className="text-end d-none d-sm-table-cell">
                    {row.errorCount > 0 ? (
                      <span className="badge state-badge state-error">{format.number(row.errorCount)}</span>
                    ) : (
                      format.number(0)
                    )}
                  </td>
                  <td className="text-end">
                    <Link
                      className="btn btn-sm btn-outline-primary me-1 mb-1 mb-sm-0"
                      to={`/resources/collections/${encodeURIComponent(row.id)}`}
                    >
                      {t('resources.history.open')}
                    </Link>
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-danger"
                      disabled={row.status === 'running' || row.status === 'queued'}
                      onClick={() => setToDelete(row)}
                    >
                      {t('resources.history.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      </section>
      {toDelete && (
        <ConfirmDialog
          title={t('resources.history.deleteTitle')}
          body={t('resources.history.deleteBody', {
            when: format.dateTime(toDelete.startedAt ?? toDelete.requestedAt),
          })}
          confirmLabel={t('resources.history.delete')}
          busy={remove.isPending}
          onCancel={() => setToDelete(null)}
          onConfirm={() =>
            remove.mutate(toDelete.id, {
              onSuccess: () => {
                setSelected((prev) => prev.filter((x) => x !== toDelete.id));
                setNotice(t('resources.history.deleted'));
                setRefocus(toDelete.id);
              },
              onSettled: () => setToDelete(null),
            })
          }
        />
      )}
    </>
  );
}
