import { useTranslation } from 'react-i18next';
import type { AdvisorRunSummary } from '../../../shared/api/advisor';
import { progressByServiceRegion } from '../../../shared/api/collections';
import { useFormat } from '../../i18n/format';
import { useCancelRun } from '../../pages/advisor/api';
import type { RunProgressState } from '../../pages/advisor/useRunProgress';
import { ErrorAlert } from '../States';

const PHASES = ['queued', 'collecting', 'evaluating', 'completed'] as const;

/**
 * The phases of a running advisor run and its collection, one cell per service × region, and the
 * Cancel button (`onCancel` lets the page move focus to the run's status once it has changed).
 */
export function RunProgress({
  run,
  progress,
  onCancel,
}: {
  run: AdvisorRunSummary;
  progress: RunProgressState;
  onCancel?: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cancel = useCancelRun();
  const status = progress.status ?? run.status;
  const cells = progressByServiceRegion(progress.entries);
  const phaseIndex = PHASES.indexOf(status as (typeof PHASES)[number]);
  const percent = Math.max(5, Math.round(((phaseIndex + 1) / PHASES.length) * 100));

  return (
    <section className="card stat-card mb-4" aria-labelledby="run-progress-title" data-testid="run-progress">
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-start justify-content-between gap-2">
          <h2 id="run-progress-title" className="h5 d-flex align-items-center gap-2">
            {status !== 'failed' && <span className="spinner-border spinner-border-sm" aria-hidden="true" />}
            {t('advisor.progress.title')}
          </h2>
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            disabled={cancel.isPending}
            onClick={() => {
              // Told before the request: this panel unmounts once the run is cancelled.
              onCancel?.(run.runId);
              cancel.mutate(run.runId);
            }}
          >
            {cancel.isPending ? t('advisor.progress.cancelling') : t('advisor.progress.cancel')}
          </button>
        </div>
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        <p className="mb-2" role="status">
          {t(`advisor.runStatuses.${status}`)}
          {status === 'evaluating' && ` — ${t('advisor.progress.evaluating')}`}
        </p>
        <div
          className="progress mb-3"
          role="progressbar"
          aria-label={t('advisor.progress.title')}
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div
            className="progress-bar progress-bar-striped progress-bar-animated"
            style={{ width: `${percent}%` }}
          />
        </div>
        {progress.reconnecting && (
          <p className="small text-warning-emphasis">{t('advisor.progress.reconnecting')}</p>
        )}
        {cells.length > 0 && (
          <ul className="row g-2 list-unstyled mb-0">
            {cells.map((cell) => (
              <li key={`${cell.service}|${cell.region}`} className="col-12 col-sm-6 col-lg-4 progress-cell">
                <div className="border rounded-3 p-2 bg-body small">
                  <div className="d-flex justify-content-between">
                    <strong>
                      {t('advisor.progress.regionCell', {
                        service: t(`advisor.services.${cell.service}`),
                        region: cell.region,
                      })}
                    </strong>
                    <span className={cell.state === 'error' ? 'text-danger-emphasis' : 'text-body-secondary'}>
                      {t(
                        `advisor.runStatuses.${cell.state === 'error' ? 'failed' : cell.state === 'done' || cell.state === 'skipped' ? 'completed' : 'collecting'}`,
                      )}
                    </span>
                  </div>
                  <div className="text-body-secondary">
                    {t('advisor.progress.collectors', {
                      finished: cell.finished,
                      total: cell.total,
                      count: fmt.number(cell.count),
                    })}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
