import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../shared/api/notify';
import { focusElement } from '../../components/focus';
import { ErrorAlert, Loading } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleHistory } from './ScheduleHistory';
import { usePauseSchedule, useRemoveSchedule, useSchedules } from './WatchApi';

export function SchedulesSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const schedules = useSchedules();
  const pause = usePauseSchedule();
  const remove = useRemoveSchedule();
  const [editingId, setEditingId] = useState<string>();
  const [historyId, setHistoryId] = useState<string>();
  const [saved, setSaved] = useState('');
  const editing = schedules.data?.schedules.find((s) => s.id === editingId);
  const tx = (key: string) => t(`settings.watch.schedules.${key}`);
  const closeEdit = (savedSchedule?: Schedule) => {
    const id = editingId;
    setEditingId(undefined);
    setSaved(savedSchedule ? t('settings.watch.schedules.saved', { name: savedSchedule.name }) : '');
    // Back to where the edit started, so the keyboard carries on from the same row.
    setTimeout(() => focusElement(document.getElementById(`schedule-edit-${id}`)));
  };
  return (
    <section aria-labelledby="schedules-title">
      <h2 id="schedules-title" className="h5">
        {tx('title')}
      </h2>
      <p className="text-body-secondary">{tx('intro')}</p>
      {schedules.isPending && <Loading />}
      {schedules.isError && <ErrorAlert error={schedules.error} />}
      {schedules.data && schedules.data.schedules.length === 0 && <p>{tx('empty')}</p>}
      {schedules.data && schedules.data.schedules.length > 0 && (
        <div className="table-responsive mb-4">
          <table className="table align-middle" aria-labelledby="schedules-title">
            <thead>
              <tr>
                <th scope="col">{tx('name')}</th>
                <th scope="col">{tx('cron')}</th>
                <th scope="col">{tx('nextRun')}</th>
                <th scope="col">{tx('lastRun')}</th>
                <th scope="col">{tx('status')}</th>
                <th scope="col">{tx('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {schedules.data.schedules.map((s) => (
                <Fragment key={s.id}>
                  <tr>
                    <td>{s.name}</td>
                    <td>
                      <code>{s.cron}</code> <span className="text-body-secondary">({s.timeZone})</span>
                    </td>
                    <td>{fmt.dateTime(s.nextRuns[0])}</td>
                    <td>{fmt.dateTime(s.lastTick)}</td>
                    <td>{s.paused ? tx('paused') : tx('active')}</td>
                    <td className="d-flex gap-2">
                      <button
                        type="button"
                        id={`schedule-edit-${s.id}`}
                        className="btn btn-sm btn-outline-secondary"
                        aria-expanded={editingId === s.id}
                        aria-controls="schedule-form"
                        onClick={() => {
                          setSaved('');
                          setEditingId(s.id);
                        }}
                      >
                        {tx('edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-secondary"
                        aria-expanded={historyId === s.id}
                        aria-controls={`schedule-history-${s.id}`}
                        onClick={() => setHistoryId(historyId === s.id ? undefined : s.id)}
                      >
                        {tx('history')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-secondary"
                        onClick={() => pause.mutate({ id: s.id, paused: !s.paused })}
                      >
                        {s.paused ? tx('resume') : tx('pause')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-danger"
                        onClick={() => remove.mutate(s.id)}
                      >
                        {tx('remove')}
                      </button>
                    </td>
                  </tr>
                  {historyId === s.id && (
                    <tr>
                      <td colSpan={6}>
                        <ScheduleHistory schedule={s} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {saved && (
        <div className="alert alert-success" role="status">
          {saved}
        </div>
      )}
      <div id="schedule-form">
        {editing ? (
          <ScheduleForm key={editing.id} schedule={editing} onClose={closeEdit} />
        ) : (
          <ScheduleForm key="new" />
        )}
      </div>
    </section>
  );
}
