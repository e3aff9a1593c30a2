import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ServiceId } from '../../../core/services';
import type { CheckCatalogueEntry, CreateMuteBody, FindingDto } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCreateMute, useDeleteMute, useFindingGroups } from '../../pages/advisor/api';
import { focusElement } from '../focus';
import { ErrorAlert, Loading } from '../States';
import { FindingFilters } from './FindingFilters';
import { FindingGroupsTable } from './FindingGroupsTable';
import { type FindingActions, FindingPage } from './FindingPage';
import {
  clearedFilters,
  filterFromParams,
  pageFromParams,
  viewFromParams,
  withChanges,
} from './findingParams';
import { MuteDialog } from './MuteDialog';
import { useMuteAccount } from './useMuteAccount';

/** Findings per page of the flat view. */
const FLAT_PAGE_SIZE = 50;

/**
 * A run's findings as a table grouped by check, or flat per resource; filters, sort, view and
 * page live in the URL, so a view can be shared and the back button undoes a change.
 */
export function FindingsView({
  runId,
  run,
  checks,
  services,
  mutedCount,
}: {
  runId: string;
  /** The run's account (a mute can be for it, its OU or every account). */
  run: { connectionId: string; accountId?: string | undefined };
  checks: ReadonlyMap<string, CheckCatalogueEntry>;
  services: readonly ServiceId[];
  mutedCount: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const view = viewFromParams(params);
  const page = pageFromParams(params);
  const groups = useFindingGroups(runId, filter);
  const [muting, setMuting] = useState<FindingDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const createMute = useCreateMute();
  const muteAccount = useMuteAccount(run);
  const deleteMute = useDeleteMute();

  const change = useCallback(
    (key: string, value: string, options?: { replace: boolean }) =>
      setParams((current) => withChanges(current, { [key]: value }), { replace: options?.replace ?? false }),
    [setParams],
  );
  // The pressed button leaves the list after mute/unmute: focus goes to the notice saying so.
  const announce = (message: string) => {
    setNotice(message);
    requestAnimationFrame(() => focusElement(noticeRef.current));
  };
  const actions: FindingActions = {
    onMute: setMuting,
    onUnmute: (finding) => {
      if (!finding.muted) return;
      deleteMute.mutate(finding.muted.ruleId, { onSuccess: () => announce(t('advisor.finding.unmuted')) });
    },
    busy: createMute.isPending || deleteMute.isPending,
  };
  const submitMute = (body: CreateMuteBody) =>
    createMute.mutate(body, {
      onSuccess: () => {
        setMuting(null);
        announce(t('advisor.finding.muted'));
      },
    });
  const titleOf = (checkId: string) => checks.get(checkId)?.failureLabel[lang] ?? checkId;
  const matched = groups.data?.matched ?? 0;

  return (
    <section aria-labelledby="findings-title">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h2 id="findings-title" className="h5 mb-0">
          {t('advisor.table.title')}
          {groups.data && (
            <span
              className="badge rounded-pill text-bg-light border ms-2"
              data-testid="matched-count"
              data-count={matched}
            >
              {t('advisor.results.groupCount', { count: matched, formattedCount: fmt.number(matched) })}
            </span>
          )}
        </h2>
        <fieldset className="btn-group btn-group-sm" aria-label={t('advisor.table.viewLabel')}>
          {(['groups', 'flat'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`btn ${view === v ? 'btn-primary' : 'btn-outline-primary'}`}
              aria-pressed={view === v}
              onClick={() => change('view', v)}
            >
              {t(`advisor.table.view.${v}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <div
        ref={noticeRef}
        tabIndex={-1}
        role="status"
        className={notice ? 'alert alert-success py-2' : 'visually-hidden'}
      >
        {notice}
      </div>
      {deleteMute.isError && <ErrorAlert error={deleteMute.error} />}
      <FindingFilters
        filter={filter}
        services={services}
        regions={groups.data?.regions ?? []}
        onChange={change}
        onClear={() => setParams((current) => clearedFilters(current))}
      />
      {filter.status !== 'muted' && mutedCount > 0 && (
        <p className="small text-body-secondary">
          <button
            type="button"
            className="btn btn-link btn-sm p-0 align-baseline"
            onClick={() => {
              change('status', 'muted');
              // The button leaves with the change: focus goes to the list it opened.
              focusElement(document.getElementById('findings-title'));
            }}
          >
            {t('advisor.table.showMuted', { count: mutedCount, formattedCount: fmt.number(mutedCount) })}
          </button>
        </p>
      )}
      {groups.isPending && <Loading />}
      {groups.isError && <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.data && matched === 0 && (
        <p className="text-body-secondary border rounded-3 bg-body p-4 text-center" data-testid="no-findings">
          {filter.status === 'open' &&
          !filter.q &&
          !filter.service &&
          !filter.category &&
          !filter.severity &&
          !filter.region
            ? t('advisor.results.allPassing')
            : t('advisor.results.noMatches')}
        </p>
      )}
      {groups.data && matched > 0 && view === 'groups' && (
        <FindingGroupsTable
          key={params.toString()}
          runId={runId}
          groups={groups.data.groups}
          filter={filter}
          checks={checks}
          actions={actions}
        />
      )}
      {groups.data && matched > 0 && view === 'flat' && (
        <FindingPage
          runId={runId}
          query={filter}
          page={page}
          pageSize={FLAT_PAGE_SIZE}
          onPage={(p) => change('page', String(p + 1))}
          checks={checks}
          actions={actions}
          label={t('advisor.table.view.flat')}
        />
      )}
      {muting && (
        <MuteDialog
          finding={muting}
          account={muteAccount}
          title={`${titleOf(muting.checkId)} – ${muting.resourceName ?? muting.resourceId}`}
          busy={createMute.isPending}
          error={createMute.error}
          onSubmit={submitMute}
          onCancel={() => {
            setMuting(null);
            createMute.reset();
          }}
        />
      )}
    </section>
  );
}
