import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SEVERITIES } from '../../../core/services';
import { type AccountRollup, AccountRollupResponse } from '../../../shared/api/rollup';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../i18n/format';
import { useScope, withScopeParam } from '../../scope';
import { Amount } from '../Amount';
import { ScoreValue, scoreClass } from '../advisor/badges';
import { Card } from '../Card';
import { Pagination } from '../Pagination';
import { OrgHeatMap } from './OrgHeatMap';
import { drillUrl, ROLLUP_PAGE, type RollupSort, useRollupParams } from './rollupParams';

const SHOWN_SEVERITIES = SEVERITIES.filter((s) => s !== 'info');
const openTotal = (a: AccountRollup) =>
  a.openBySeverity ? SHOWN_SEVERITIES.reduce((sum, s) => sum + (a.openBySeverity?.[s] ?? 0), 0) : null;

/**
 * The organization view of the dashboard (shown when the scope covers several accounts): the
 * accounts sorted (worst first by default; the sort and page in the URL) and a heat map of
 * accounts × categories; an account's name drills into the dashboard of that account alone.
 */
export function OrgRollup() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const id = useId();
  const { scope, param } = useScope();
  const { sort, page, offset, update } = useRollupParams();
  const rollup = useQuery({
    queryKey: ['advisor', 'rollup', param ?? 'all', sort, offset],
    queryFn: () =>
      api.get(
        withScopeParam(`/api/dashboard/accounts?sort=${sort}&offset=${offset}&limit=${ROLLUP_PAGE}`, scope),
        AccountRollupResponse,
      ),
    placeholderData: keepPreviousData,
  });
  const data = rollup.data;
  if (!data || data.total < 2) return null;
  // Each sort has one direction (worst, most, biggest first; names A to Z): a header chooses it.
  const sortHeader = (label: string, by: RollupSort, className = '') => (
    <th
      scope="col"
      className={className}
      aria-sort={sort === by ? (by === 'name' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="btn btn-link btn-sm p-0 fw-semibold text-decoration-none"
        onClick={() => update({ sort: by })}
        aria-label={t('scope.rollup.sortBy', { column: label, order: t(`scope.rollup.sorts.${by}`) })}
      >
        {label}
        {sort === by && <span aria-hidden="true">{by === 'name' ? ' ▲' : ' ▼'}</span>}
      </button>
    </th>
  );
  return (
    <div className="row g-3 mb-3">
      <Card col="col-12" labelledBy={`${id}-table`} testId="org-rollup">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
          <h2 id={`${id}-table`} className="h5 mb-0">
            {t('scope.rollup.title', { count: data.total })}
          </h2>
          <span className="small text-body-secondary" data-testid="rollup-sort">
            {t(`scope.rollup.sorts.${sort}`)}
          </span>
        </div>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                {sortHeader(t('scope.rollup.account'), 'name')}
                <th scope="col">{t('scope.rollup.ou')}</th>
                {sortHeader(t('dashboard.score'), 'risk')}
                {sortHeader(t('scope.rollup.open'), 'open', 'text-end')}
                {SHOWN_SEVERITIES.map((s) => (
                  <th scope="col" key={s} className="text-end">
                    {t(`advisor.severities.${s}`)}
                  </th>
                ))}
                {sortHeader(t('dashboard.savings'), 'savings', 'text-end')}
                <th scope="col">{t('scope.rollup.lastRun')}</th>
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((a) => (
                <tr key={`${a.connectionId}:${a.accountId}`} data-testid="rollup-row">
                  <th scope="row">
                    <Link to={drillUrl(a)}>{t('scope.account', { name: a.name, id: a.accountId })}</Link>
                  </th>
                  <td>{a.ouPath ?? ''}</td>
                  <td className={scoreClass(a.score?.score ?? null)}>
                    <ScoreValue score={a.score?.score ?? null} />
                  </td>
                  <td className="text-end">{fmt.number(openTotal(a) ?? 0)}</td>
                  {SHOWN_SEVERITIES.map((s) => (
                    <td key={s} className="text-end">
                      {a.openBySeverity ? fmt.number(a.openBySeverity[s] ?? 0) : '–'}
                    </td>
                  ))}
                  <td className="text-end">
                    <Amount usd={a.estimatedMonthlySavingsUsd} />
                  </td>
                  <td>{a.lastRun ? fmt.dateTime(a.lastRun.finishedAt) : t('scope.rollup.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="d-flex flex-wrap gap-2 align-items-center">
          <Pagination
            label={t('scope.rollup.pages')}
            page={page}
            pageCount={Math.ceil(data.total / ROLLUP_PAGE)}
            previous={t('scope.rollup.previous')}
            next={t('scope.rollup.next')}
            onPage={(next) => update({ sort, page: next })}
          />
          <span className="small" data-testid="rollup-range">
            {t('scope.rollup.range', {
              from: fmt.number(offset + 1),
              to: fmt.number(offset + data.accounts.length),
              total: fmt.number(data.total),
            })}
          </span>
        </div>
      </Card>
      <Card col="col-12" labelledBy={`${id}-heat`} testId="org-heatmap">
        <OrgHeatMap accounts={data.accounts} headingId={`${id}-heat`} />
      </Card>
    </div>
  );
}
