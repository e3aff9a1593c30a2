import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SEVERITIES } from '../../../core/services';
import { type AccountRollup, AccountRollupResponse } from '../../../shared/api/rollup';
import { scopeParam } from '../../../shared/api/scope';
import { useApi } from '../../api/hooks';
import { useFormat } from '../../i18n/format';
import { useScope, withScopeParam } from '../../scope';
import { Amount } from '../Amount';
import { ScoreValue, scoreClass } from '../advisor/badges';
import { Card } from '../Card';

const PAGE = 50;
const SORTS = ['risk', 'open', 'savings', 'name'] as const;
/** The heat map's columns (the advisor's main categories). */
const HEAT_CATEGORIES = ['security', 'cost', 'performance', 'fault_tolerance'] as const;

/** Cell colour by open findings: none, a few, many. */
const heatClass = (open: number | undefined) =>
  open === undefined ? 'bg-body-secondary' : open === 0 ? 'heat-0' : open < 5 ? 'heat-1' : 'heat-2';

/**
 * The organization view of the dashboard (shown when the scope covers several accounts): the
 * accounts ranked worst first, and a heat map of accounts × categories; an account's name drills
 * into the dashboard of that account alone.
 */
export function OrgRollup() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const api = useApi();
  const id = useId();
  const { scope, param } = useScope();
  const [sort, setSort] = useState<(typeof SORTS)[number]>('risk');
  const [offset, setOffset] = useState(0);
  const rollup = useQuery({
    queryKey: ['advisor', 'rollup', param ?? 'all', sort, offset],
    queryFn: () =>
      api.get(
        withScopeParam(`/api/dashboard/accounts?sort=${sort}&offset=${offset}&limit=${PAGE}`, scope),
        AccountRollupResponse,
      ),
    placeholderData: keepPreviousData,
  });
  const data = rollup.data;
  if (!data || data.total < 2) return null;
  const drill = (a: AccountRollup) =>
    `/?scope=${encodeURIComponent(scopeParam({ kind: 'account', connectionId: a.connectionId, accountId: a.accountId }) ?? '')}`;
  const name = (a: AccountRollup) => (
    <Link to={drill(a)}>{t('scope.account', { name: a.name, id: a.accountId })}</Link>
  );
  return (
    <div className="row g-3 mb-3">
      <Card col="col-12" labelledBy={`${id}-table`} testId="org-rollup">
        <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
          <h2 id={`${id}-table`} className="h5 mb-0">
            {t('scope.rollup.title', { count: data.total })}
          </h2>
          <label className="d-flex align-items-center gap-2 small">
            {t('scope.rollup.sort')}
            <select
              className="form-select form-select-sm w-auto"
              value={sort}
              onChange={(e) => {
                setSort(e.target.value as (typeof SORTS)[number]);
                setOffset(0);
              }}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`scope.rollup.sorts.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <thead>
              <tr>
                <th scope="col">{t('scope.rollup.account')}</th>
                <th scope="col">{t('scope.rollup.ou')}</th>
                <th scope="col">{t('dashboard.score')}</th>
                {SEVERITIES.filter((s) => s !== 'info').map((s) => (
                  <th scope="col" key={s} className="text-end">
                    {t(`advisor.severities.${s}`)}
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t('dashboard.savings')}
                </th>
                <th scope="col">{t('scope.rollup.lastRun')}</th>
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((a) => (
                <tr key={`${a.connectionId}:${a.accountId}`}>
                  <th scope="row">{name(a)}</th>
                  <td>{a.ouPath ?? ''}</td>
                  <td className={scoreClass(a.score?.score ?? null)}>
                    <ScoreValue score={a.score?.score ?? null} />
                  </td>
                  {SEVERITIES.filter((s) => s !== 'info').map((s) => (
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
        <nav className="d-flex gap-2 align-items-center" aria-label={t('scope.rollup.pages')}>
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('scope.rollup.previous')}
          </button>
          <span className="small">
            {t('scope.rollup.range', {
              from: offset + 1,
              to: offset + data.accounts.length,
              total: data.total,
            })}
          </span>
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            disabled={offset + PAGE >= data.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('scope.rollup.next')}
          </button>
        </nav>
      </Card>
      <Card col="col-12" labelledBy={`${id}-heat`} testId="org-heatmap">
        <h2 id={`${id}-heat`} className="h5">
          {t('scope.rollup.heatMap')}
        </h2>
        <p className="small text-body-secondary">{t('scope.rollup.heatMapHelp')}</p>
        <div className="table-responsive">
          <table className="table table-sm table-bordered text-center heat-map">
            <thead>
              <tr>
                <th scope="col" className="text-start">
                  {t('scope.rollup.account')}
                </th>
                {HEAT_CATEGORIES.map((c) => (
                  <th scope="col" key={c}>
                    {t(`advisor.categories.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((a) => (
                <tr key={`${a.connectionId}:${a.accountId}`}>
                  <th scope="row" className="text-start">
                    {name(a)}
                  </th>
                  {HEAT_CATEGORIES.map((c) => (
                    <td key={c} className={heatClass(a.openByCategory?.[c])}>
                      {a.openByCategory ? fmt.number(a.openByCategory[c] ?? 0) : '–'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
