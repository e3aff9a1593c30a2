import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { FINAL_RUN_STATUSES } from '../../../shared/api/advisor';
import { Downloads } from '../../components/advisor/Downloads';
import { FindingsView } from '../../components/advisor/FindingsView';
import { filterFromParams } from '../../components/advisor/findingParams';
import { RunProgress } from '../../components/advisor/RunProgress';
import { ScoreSummary } from '../../components/advisor/ScoreSummary';
import { focusElement } from '../../components/focus';
import { ShieldIcon } from '../../components/Icons';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useAdvisorRuns, useChecks, usePrefetchFindingGroups, useRunSummary } from './api';
import { isFollowRunState } from './NewRunView';
import { useRunProgress } from './useRunProgress';

/** The chosen run (`?run=`, default the newest): its progress or its results; the form is its own tab. */
export function ResultsView() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params] = useSearchParams();
  const location = useLocation();
  const runs = useAdvisorRuns();
  const runId = params.get('run') ?? runs.data?.runs[0]?.runId;
  const detail = useRunSummary(runId);
  const checks = useChecks();
  const run = detail.data?.run;
  // Groups exist only for a completed run: asked with the summary when the run is not known unfinished.
  usePrefetchFindingGroups(run && run.status !== 'completed' ? undefined : runId, filterFromParams(params));
  const running = run !== undefined && !FINAL_RUN_STATUSES.includes(run.status);
  const progress = useRunProgress(runId, running);
  // The run the user just started (or cancelled): focus follows it (progress, then results, the
  // failure or the cancellation), as the Run and Cancel buttons are disabled or removed while the
  // request is sent and would otherwise drop focus to the page.
  const [following, setFollowing] = useState<string | null>(
    isFollowRunState(location.state) ? location.state.followRun : null,
  );
  const stage = run?.runId !== following ? null : running ? 'running' : run?.status;
  useEffect(() => {
    if (!stage) return;
    const targets: Record<string, string> = {
      running: 'run-progress-title',
      completed: 'results-title',
      failed: 'run-failed',
      cancelled: 'run-cancelled-title',
    };
    const target = targets[stage];
    if (target) focusElement(document.getElementById(target));
    if (stage !== 'running') setFollowing(null);
  }, [stage]);
  const checkMap = useMemo(() => new Map((checks.data?.checks ?? []).map((c) => [c.id, c])), [checks.data]);

  return (
    <>
      {runs.isPending && <Loading />}
      {runs.isError && <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && !runId && (
        <EmptyState
          icon={<ShieldIcon size={32} />}
          title={t('pages.advisor.emptyTitle')}
          action={
            <Link className="btn btn-primary" to="/advisor/new">
              {t('advisor.start.title')}
            </Link>
          }
        >
          {t('advisor.results.noRunBody')}
        </EmptyState>
      )}
      {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {runId && detail.isPending && <Loading />}
      {run && running && <RunProgress run={run} progress={progress} onCancel={setFollowing} />}
      {run?.status === 'cancelled' && (
        <section className="alert alert-secondary" aria-labelledby="run-cancelled-title">
          <h2 id="run-cancelled-title" className="h5">
            {t('advisor.progress.cancelledTitle')}
          </h2>
          <p className="mb-0">
            {t('advisor.progress.cancelledBody', { date: fmt.dateTime(run.finishedAt ?? run.requestedAt) })}
          </p>
        </section>
      )}
      {run?.status === 'failed' && (
        <div id="run-failed" className="alert alert-danger" role="alert">
          {t('advisor.progress.failed', { reason: run.failureReason ?? '—' })}
        </div>
      )}
      {run?.status === 'completed' && run.results && runId && (
        <section aria-labelledby="results-title">
          <div className="d-flex flex-wrap align-items-baseline gap-3 mb-3">
            <h2 id="results-title" className="h4 mb-0">
              {t('advisor.results.title')}
            </h2>
            <span className="text-body-secondary">
              {t('advisor.results.runOf', { date: fmt.dateTime(run.finishedAt ?? run.requestedAt) })}
              {run.accountId && ` · ${t('advisor.results.account', { account: run.accountId })}`}
              {` · ${run.services.map((s) => t(`advisor.services.${s}`)).join(', ')}`}
            </span>
          </div>
          <ScoreSummary results={run.results} />
          <Downloads runId={run.runId} services={run.services} />
          <FindingsView
            runId={runId}
            run={run}
            checks={checkMap}
            services={run.services}
            mutedCount={run.results.mutedCount}
          />
        </section>
      )}
    </>
  );
}
