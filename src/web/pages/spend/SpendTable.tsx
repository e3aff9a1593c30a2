import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthOverMonth, SpendResponse } from '../../../shared/api/spend';
import { useFormat } from '../../i18n/format';

/**
 * Amounts without the currency sign (the caption says USD), always with cents: columns line up;
 * with the user's display currency, "≈ ₩…" on a second line of the cell (the shared formatter).
 */
function useAmount() {
  const { locale, approx } = useFormat();
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (usd: number, after?: ReactNode) => {
    const converted = approx(usd);
    return (
      <>
        {format.format(usd)}
        {after}
        {converted && (
          <span className="d-block small fw-normal text-body-secondary" data-testid="spend-approx">
            {converted}
          </span>
        )}
      </>
    );
  };
}

function Change({ change }: { change: MonthOverMonth }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const amount = useAmount();
  const sign = change.usd > 0 ? '+' : '';
  const tone = change.usd > 0 ? 'text-danger-emphasis' : change.usd < 0 ? 'text-success-emphasis' : '';
  const percent = change.percent === null ? t('spend.noPercent') : `${sign}${fmt.number(change.percent)}%`;
  if (change.usd === 0 && change.percent === null) return <span className="text-body-secondary">—</span>;
  return (
    <span className={`amount ${tone}`}>
      {sign}
      {amount(change.usd, <span className="small"> ({percent})</span>)}
    </span>
  );
}

/** One row per service or tag value, a column per month, the change and (by service) the savings. */
export function SpendTable({ data, label }: { data: SpendResponse; label: (key: string) => string }) {
  const { t } = useTranslation();
  const { rateNote } = useFormat();
  const amount = useAmount();
  const bySavings = data.grouping.kind === 'service';
  const firstColumn =
    data.grouping.kind === 'service'
      ? t('spend.serviceColumn')
      : t('spend.tagColumn', { key: data.grouping.key });
  return (
    // Many months scroll sideways on phones: keyboards must be able to reach and scroll the region.
    <section
      className="table-responsive spend-table-scroll"
      data-testid="spend-table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-reachable (WCAG 2.1.1)
      tabIndex={0}
      aria-label={t('spend.caption')}
    >
      <table className="table table-sm table-hover align-middle mb-0 spend-table" data-testid="spend-table">
        <caption className="small text-body-secondary">
          {t('spend.caption')}
          {rateNote && <span className="d-block">{rateNote}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {data.months.map((m) => (
              <th scope="col" className="text-end text-nowrap" key={m.month}>
                {m.complete ? m.month : t('spend.monthToDate', { month: m.month })}
                {m.estimated && (
                  <div className="small fw-normal text-body-secondary">{t('spend.estimated')}</div>
                )}
              </th>
            ))}
            <th scope="col" className="text-end">
              {t('spend.changeColumn')}
            </th>
            {bySavings && (
              <th scope="col" className="text-end">
                {t('spend.savingsColumn')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key} data-testid="spend-row">
              <th scope="row" className="fw-normal spend-key">
                {label(row.key)}
              </th>
              {row.amounts.map((value, i) => (
                <td className="text-end amount" key={data.months[i]?.month ?? i}>
                  {amount(value)}
                </td>
              ))}
              <td className="text-end">
                <Change change={row.change} />
              </td>
              {bySavings && (
                <td className="text-end amount text-success-emphasis" data-testid="spend-savings">
                  {row.savingsUsd ? amount(row.savingsUsd) : '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="fw-semibold">
            <th scope="row">{t('spend.total')}</th>
            {data.totals.amounts.map((value, i) => (
              <td className="text-end amount" key={data.months[i]?.month ?? i}>
                {amount(value)}
              </td>
            ))}
            <td className="text-end">
              <Change change={data.totals.change} />
            </td>
            {bySavings && (
              <td className="text-end amount text-success-emphasis">
                {amount(data.rows.reduce((sum, r) => sum + (r.savingsUsd ?? 0), 0))}
              </td>
            )}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
