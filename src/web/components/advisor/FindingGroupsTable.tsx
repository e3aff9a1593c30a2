import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCatalogueEntry, FindingFilter, FindingGroup } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Amount } from '../Amount';
import { SeverityBadge } from './badges';
import { type FindingActions, FindingPage } from './FindingPage';

/** Findings shown per page inside an expanded check. */
const GROUP_PAGE_SIZE = 20;
/** Regions listed in a row before "+N". */
const REGIONS_SHOWN = 3;

/**
 * One row per check (severity, category, failed / total resources, savings, regions); a row
 * expands to its affected resources, fetched a page at a time.
 */
export function FindingGroupsTable({
  runId,
  groups,
  filter,
  checks,
  actions,
}: {
  runId: string;
  groups: readonly FindingGroup[];
  filter: FindingFilter;
  checks: ReadonlyMap<string, CheckCatalogueEntry>;
  actions: FindingActions;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  /** Expanded checks and the page each one shows. */
  const [open, setOpen] = useState<ReadonlyMap<string, number>>(new Map());
  const toggle = (checkId: string) =>
    setOpen((current) => {
      const next = new Map(current);
      if (next.has(checkId)) next.delete(checkId);
      else next.set(checkId, 0);
      return next;
    });
  const c = 'advisor.table';
  return (
    <div className="findings-table-wrap">
      <table className="table table-sm align-middle findings-table mb-0" data-testid="finding-groups">
        <thead>
          <tr>
            <th scope="col">{t(`${c}.check`)}</th>
            <th scope="col">{t(`${c}.severity`)}</th>
            <th scope="col" className="d-none d-md-table-cell">
              {t(`${c}.category`)}
            </th>
            <th scope="col" className="text-end">
              {t(`${c}.failedOfTotal`)}
            </th>
            <th scope="col" className="text-end">
              {t(`${c}.savings`)}
            </th>
            <th scope="col" className="d-none d-lg-table-cell">
              {t(`${c}.regions`)}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            // Rows list failures: the failure-phrased label ("Unencrypted EBS volumes"), not the goal.
            const title = checks.get(g.checkId)?.failureLabel[lang] ?? g.checkId;
            const page = open.get(g.checkId);
            const expanded = page !== undefined;
            const panelId = `group-${g.checkId}`;
            return (
              <Fragment key={g.checkId}>
                <tr data-testid="finding-group" data-check={g.checkId} className={`sev-row-${g.severity}`}>
                  <th scope="row" className="fw-normal">
                    <button
                      type="button"
                      className="btn btn-link p-0 text-start group-toggle"
                      aria-expanded={expanded}
                      aria-controls={panelId}
                      onClick={() => toggle(g.checkId)}
                    >
                      <span aria-hidden="true" className="group-caret">
                        {expanded ? '▾' : '▸'}
                      </span>{' '}
                      {title}
                    </button>
                    {filter.status !== 'open' && (
                      <span className="small text-body-secondary ms-1">
                        {t(`${c}.matched`, { count: g.matched, formattedCount: fmt.number(g.matched) })}
                      </span>
                    )}
                  </th>
                  <td>
                    <SeverityBadge severity={g.severity} />
                  </td>
                  <td className="d-none d-md-table-cell">{t(`advisor.categories.${g.category}`)}</td>
                  <td className="text-end text-nowrap" data-testid="group-count">
                    {t(`${c}.ratio`, { failed: fmt.number(g.failed), total: fmt.number(g.total) })}
                  </td>
                  <td className="text-end text-nowrap">
                    {g.estimatedMonthlySavingsUsd > 0 ? <Amount usd={g.estimatedMonthlySavingsUsd} /> : '—'}
                  </td>
                  <td className="d-none d-lg-table-cell small">
                    {g.regions.slice(0, REGIONS_SHOWN).join(', ')}
                    {g.regions.length > REGIONS_SHOWN &&
                      ` ${t('resources.table.more', { count: g.regions.length - REGIONS_SHOWN })}`}
                  </td>
                </tr>
                {expanded && (
                  <tr id={panelId} className="group-panel">
                    <td colSpan={6} className="bg-body-tertiary">
                      <FindingPage
                        runId={runId}
                        query={{ ...filter, check: g.checkId }}
                        page={page}
                        pageSize={GROUP_PAGE_SIZE}
                        onPage={(p) => setOpen((current) => new Map(current).set(g.checkId, p))}
                        checks={checks}
                        actions={actions}
                        label={title}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
