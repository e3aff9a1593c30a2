import { useTranslation } from 'react-i18next';
import type { CheckCatalogueEntry, FindingDto, FindingPageQuery } from '../../../shared/api/advisor';
import { useFormat } from '../../i18n/format';
import { useFindingPage } from '../../pages/advisor/api';
import { ErrorAlert, Loading } from '../States';
import { FindingItem } from './FindingItem';

export interface FindingActions {
  onMute: (finding: FindingDto) => void;
  onUnmute: (finding: FindingDto) => void;
  busy: boolean;
}

/**
 * One page of a run's findings (of one check when `query.check` is set) with a pager: only the
 * page is fetched and rendered, however many findings the run has.
 */
export function FindingPage({
  runId,
  query,
  page,
  pageSize,
  onPage,
  checks,
  actions,
  label,
}: {
  runId: string;
  query: Partial<FindingPageQuery>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  checks: ReadonlyMap<string, CheckCatalogueEntry>;
  actions: FindingActions;
  /** Names the list and its pager for screen readers (which check, or "all findings"). */
  label: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const result = useFindingPage(runId, { ...query, offset: page * pageSize, limit: pageSize });
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />;
  const { total, findings } = result.data;
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  const range = t('resources.table.range', {
    from: fmt.number(from),
    to: fmt.number(to),
    total: fmt.number(total),
  });
  return (
    <div className="finding-page" data-testid="finding-page">
      <ul className="list-group shadow-sm" aria-label={`${label} — ${range}`}>
        {findings.map((f) => (
          <FindingItem
            key={`${f.checkId}|${f.region}|${f.resourceId}`}
            finding={f}
            check={checks.get(f.checkId)}
            {...(f.muted ? { onUnmute: actions.onUnmute } : { onMute: actions.onMute })}
            busy={actions.busy}
          />
        ))}
      </ul>
      {total > pageSize && (
        <nav
          className="d-flex align-items-center gap-2 mt-2"
          aria-label={`${t('resources.table.pagination')}: ${label}`}
        >
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            disabled={page === 0}
            onClick={() => onPage(page - 1)}
          >
            {t('resources.table.previous')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            disabled={to >= total}
            onClick={() => onPage(page + 1)}
          >
            {t('resources.table.next')}
          </button>
          <span className="small text-body-secondary" aria-live="polite" data-testid="finding-range">
            {range}
          </span>
        </nav>
      )}
    </div>
  );
}
