import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { RESOURCE_ID_FIELDS } from '../../../core/catalog';
import type { ServiceId } from '../../../core/services';
import { ErrorAlert, Loading } from '../../components/States';
import { Tablist, TabPanel } from '../../components/Tablist';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useServiceRecords } from './api';
import { type CollectorId, collectorLabelKey, isCollectorId } from './collectors';
import { type CellContext, columnsOf } from './columns';
import { FindingCountCell } from './FindingCountCell';
import { useFindingCounts } from './findingsApi';
import { detailPath, displayName, resourceIdOf } from './format';

const PAGE_SIZES = [25, 50, 100] as const;
const SEARCH_DEBOUNCE_MS = 300;

/** The table state lives in the URL so back/forward and reloads keep the page, search and sort. */
function useTableParams() {
  const [params, setParams] = useSearchParams();
  const size = Number(params.get('size'));
  const state = {
    collector: isCollectorId(params.get('kind')) ? (params.get('kind') as CollectorId) : undefined,
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? undefined,
    order: params.get('order') === 'desc' ? ('desc' as const) : ('asc' as const),
    page: Math.max(0, Number(params.get('page')) || 0),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
  const update = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return { state, update };
}

export function ResourceTable({ collectionId, service }: { collectionId: string; service: ServiceId }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { state, update } = useTableParams();
  const [search, setSearch] = useState(state.q);
  const updateRef = useRef(update);
  updateRef.current = update;

  // Debounced: the server filters 10,000 rows per request, so ask once the user pauses typing.
  useEffect(() => {
    if (search === state.q) return;
    const timer = setTimeout(() => updateRef.current({ q: search, page: undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, state.q]);

  const query = useServiceRecords(collectionId, {
    service,
    ...(state.collector ? { collector: state.collector } : {}),
    q: state.q,
    ...(state.sort ? { sort: state.sort } : {}),
    order: state.order,
    offset: state.page * state.size,
    limit: state.size,
  });

  const counts = useFindingCounts(collectionId, service);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const collector = data.collector;
  const columns = columnsOf(collector, currentLang(i18n));
  const ctx: CellContext = {
    dateTime: (iso) => format.dateTime(iso),
    number: format.number,
    yesNo: (v) => (v ? t('resources.values.yes') : t('resources.values.no')),
    none: t('resources.values.none'),
  };
  const from = data.total === 0 ? 0 : data.offset + 1;
  const to = Math.min(data.offset + data.items.length, data.total);
  const range = t('resources.table.range', {
    from: format.number(from),
    to: format.number(to),
    total: format.number(data.total),
  });
  const lastPage = Math.max(0, Math.ceil(data.total / state.size) - 1);
  const updating = query.isPlaceholderData || query.isFetching;

  const sortHeader = (text: string, field: string | undefined) => {
    if (!field) return text;
    const active = state.sort === field;
    const next = active && state.order === 'asc' ? 'desc' : 'asc';
    return (
      <button
        type="button"
        className="btn btn-link"
        onClick={() => update({ sort: field, order: next, page: undefined })}
        aria-label={t('resources.table.sortBy', { column: text })}
      >
        {text}
        {active && <span aria-hidden="true">{state.order === 'asc' ? ' ▲' : ' ▼'}</span>}
      </button>
    );
  };
  const ariaSort = (field: string | undefined) =>
    field && state.sort === field ? (state.order === 'asc' ? 'ascending' : 'descending') : undefined;
  const idField = resourceIdField(collector);

  // The tab the user chose is selected at once; the table follows when its data arrives.
  const selectedKind =
    state.collector && data.collectors.includes(state.collector) ? state.collector : collector;
  const body = (
    <>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-2">
        <label className="visually-hidden" htmlFor="resource-search">
          {t('resources.table.search')}
        </label>
        <input
          id="resource-search"
          type="search"
          className="form-control form-control-sm resource-search"
          style={{ maxWidth: '22rem' }}
          placeholder={t('resources.table.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <span className="small text-body-secondary ms-auto" aria-live="polite" data-testid="table-range">
          {updating ? t('resources.table.updating') : range}
        </span>
      </div>
      {/* Wide kinds scroll sideways on small screens: keyboards must be able to reach and scroll them. */}
      <section
        className="table-responsive border rounded bg-body"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable (WCAG 2.1.1)
        tabIndex={0}
        aria-label={t(collectorLabelKey(collector))}
      >
        <table
          className={`table table-hover table-sm align-middle mb-0 resource-table ${updating ? 'updating' : ''}`}
        >
          <caption className="visually-hidden">
            {t('resources.table.tableLabel', { kind: t(collectorLabelKey(collector)), range })}
          </caption>
          <thead className="table-light">
            <tr>
              <th scope="col" aria-sort={ariaSort(idField)}>
                {sortHeader(t('resources.columns.id'), idField)}
              </th>
              <th scope="col">{t('resources.findings.column')}</th>
              {columns.map((column) => (
                <th
                  scope="col"
                  key={column.label}
                  aria-sort={ariaSort(column.sort)}
                  className={column.numeric ? 'text-end' : undefined}
                >
                  {sortHeader(column.label, column.sort)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} className="text-center text-body-secondary py-4">
                  {state.q ? t('resources.table.noMatch') : t('resources.table.empty')}
                </td>
              </tr>
            )}
            {data.items.map((row) => {
              const id = resourceIdOf(collector, row) ?? '—';
              const name = displayName(collector, row);
              const path = detailPath(collectionId, collector, row);
              return (
                <tr key={`${id}|${String(row.region)}`}>
                  <th scope="row" className="fw-normal">
                    {path ? (
                      <Link to={path} className="font-monospace small">
                        {id}
                      </Link>
                    ) : (
                      id
                    )}
                    {name && <div className="small text-body-secondary text-truncate">{name}</div>}
                  </th>
                  <td>
                    <FindingCountCell
                      count={counts.data?.get(`${String(row.region ?? 'global')}|${id}`)}
                      loaded={counts.isSuccess}
                    />
                  </td>
                  {columns.map((column) => (
                    <td
                      key={column.label}
                      data-label={column.label}
                      className={column.numeric ? 'text-end' : undefined}
                    >
                      {column.render(row, ctx)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <div className="d-flex flex-wrap align-items-center gap-2 mt-2">
        <label className="small text-body-secondary" htmlFor="page-size">
          {t('resources.table.pageSize')}
        </label>
        <select
          id="page-size"
          className="form-select form-select-sm w-auto"
          value={state.size}
          onChange={(event) => update({ size: event.target.value, page: undefined })}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {format.number(n)}
            </option>
          ))}
        </select>
        <nav aria-label={t('resources.table.pagination')} className="ms-auto">
          <ul className="pagination pagination-sm mb-0">
            <li className={`page-item ${state.page === 0 ? 'disabled' : ''}`}>
              <button
                type="button"
                className="page-link"
                disabled={state.page === 0}
                onClick={() => update({ page: String(state.page - 1) })}
              >
                {t('resources.table.previous')}
              </button>
            </li>
            <li className="page-item disabled">
              <span className="page-link">
                {format.number(Math.min(state.page, lastPage) + 1)} / {format.number(lastPage + 1)}
              </span>
            </li>
            <li className={`page-item ${state.page >= lastPage ? 'disabled' : ''}`}>
              <button
                type="button"
                className="page-link"
                disabled={state.page >= lastPage}
                onClick={() => update({ page: String(state.page + 1) })}
              >
                {t('resources.table.next')}
              </button>
            </li>
          </ul>
        </nav>
      </div>
    </>
  );
  if (data.collectors.length <= 1) return <div>{body}</div>;
  const idPrefix = `kinds-${service}`;
  return (
    <div>
      <Tablist
        label={t('resources.collection.collectorTabs')}
        tabs={data.collectors}
        selected={selectedKind}
        idPrefix={idPrefix}
        className="nav-pills flex-wrap gap-1 mb-3"
        tabClassName="py-1 px-3"
        renderTab={(c) => t(collectorLabelKey(c))}
        onSelect={(c) => {
          setSearch('');
          update({ kind: c, q: undefined, sort: undefined, order: undefined, page: undefined });
        }}
      />
      <TabPanel idPrefix={idPrefix} selected={selectedKind}>
        {body}
      </TabPanel>
    </div>
  );
}

/** The first id field of a kind doubles as the sort key of the id column. */
function resourceIdField(collector: CollectorId): string | undefined {
  return RESOURCE_ID_FIELDS[collector][0];
}
