import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AccountRollup } from '../../../shared/api/rollup';
import { useFormat } from '../../i18n/format';
import { drillUrl } from './rollupParams';

/** The heat map's columns (the advisor's main categories). */
const HEAT_CATEGORIES = ['security', 'cost', 'performance', 'fault_tolerance'] as const;
const HEAT_LEVELS = ['none', 'few', 'many'] as const;
type HeatLevel = (typeof HEAT_LEVELS)[number];

/** A cell's level by open findings: none, a few (1–4), many (5 or more). */
const heatLevel = (open: number): HeatLevel => (open === 0 ? 'none' : open < 5 ? 'few' : 'many');

/**
 * Accounts × categories, each cell the open findings of that account in that category: its colour
 * says the level and so does its text (the number and the level's word, never colour alone); a
 * cell opens that account's advisor results filtered to that category.
 */
export function OrgHeatMap({
  accounts,
  headingId,
}: {
  accounts: readonly AccountRollup[];
  headingId: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <h2 id={headingId} className="h5">
        {t('scope.rollup.heatMap')}
      </h2>
      <p className="small text-body-secondary">{t('scope.rollup.heatMapHelp')}</p>
      <ul className="list-inline small heat-map" aria-label={t('scope.rollup.legend')}>
        {HEAT_LEVELS.map((level) => (
          <li key={level} className={`list-inline-item px-2 rounded heat-${level}`}>
            {t(`scope.rollup.levels.${level}`)}: {t(`scope.rollup.levelRanges.${level}`)}
          </li>
        ))}
      </ul>
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
            {accounts.map((a) => (
              <tr key={`${a.connectionId}:${a.accountId}`}>
                <th scope="row" className="text-start">
                  {t('scope.account', { name: a.name, id: a.accountId })}
                </th>
                {HEAT_CATEGORIES.map((c) => {
                  if (!a.openByCategory) return <td key={c}>{t('scope.rollup.never')}</td>;
                  const open = a.openByCategory[c] ?? 0;
                  const level = heatLevel(open);
                  return (
                    <td key={c} className={`heat-${level}`} data-testid="heat-cell">
                      <Link
                        to={drillUrl(a, c)}
                        className="d-block link-body-emphasis text-decoration-none"
                        aria-label={t('scope.rollup.cell', {
                          account: a.name,
                          category: t(`advisor.categories.${c}`),
                          count: open,
                          level: t(`scope.rollup.levels.${level}`),
                        })}
                      >
                        {fmt.number(open)} <span className="small">{t(`scope.rollup.levels.${level}`)}</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
