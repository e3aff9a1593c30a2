import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schedule } from '../../../shared/api/notify';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useScheduleRuns } from './WatchApi';

/** The runs one schedule started, newest first: when, and the advisor run or the error it ended with. */
export function ScheduleHistory({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useScheduleRuns(schedule.id);
  const tx = (key: string, values?: Record<string, string>) => t(`settings.watch.schedules.${key}`, values);
  const titleId = `schedule-history-title-${schedule.id}`;
  return (
    <section id={`schedule-history-${schedule.id}`} aria-labelledby={titleId} className="py-2">
      <h3 id={titleId} className="h6">
        {tx('historyTitle', { name: schedule.name })}
      </h3>
      {runs.isPending && <Loading />}
      {runs.isError && <ErrorAlert error={runs.error} />}
      {runs.data && runs.data.runs.length === 0 && <p className="mb-0">{tx('historyEmpty')}</p>}
      {runs.data && runs.data.runs.length > 0 && (
        <table className="table table-sm mb-0" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{tx('historyTick')}</th>
              <th scope="col">{tx('historyStarted')}</th>
              <th scope="col">{tx('historyResult')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.runs.map((run) => (
              <tr key={run.tick}>
                <td>{fmt.dateTime(run.tick)}</td>
                <td>
                  {fmt.dateTime(run.claimedAt)}
                  {run.catchUp && (
                    <span className="badge text-bg-secondary ms-2">{tx('historyCatchUp')}</span>
                  )}
                </td>
                <td>
                  {run.runId ? (
                    <Link to={`/advisor?run=${encodeURIComponent(run.runId)}`}>{tx('historyOpen')}</Link>
                  ) : run.error ? (
                    <>
                      <span className="text-danger">{tx('historyFailed')}</span>{' '}
                      <code className="small">{run.error}</code>
                    </>
                  ) : (
                    tx('historyRunning')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
