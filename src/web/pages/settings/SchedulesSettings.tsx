import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../../core/services';
import { ScheduleBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { useConnections } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { ServiceCheckboxes } from '../../components/ServiceCheckboxes';
import { ErrorAlert, Loading } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import {
  useCreateSchedule,
  usePauseSchedule,
  useRemoveSchedule,
  useSchedulePreview,
  useSchedules,
} from './WatchApi';

/** The server's presets (src/schedules/cron.ts): 09:00 in the schedule's time zone. */
const PRESETS = { daily: '0 9 * * *', weekly: '0 9 * * 1', monthly: '0 9 1 * *' } as const;
type Preset = keyof typeof PRESETS | 'custom';

/** A Korean browser schedules in Korea's time; anyone else in their own. */
export function defaultTimeZone(lang: string): string {
  return lang === 'ko' ? 'Asia/Seoul' : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function ScheduleForm() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const connections = useConnections();
  const create = useCreateSchedule();
  const [name, setName] = useState('');
  const [connectionId, setConnectionId] = useState('');
  const [preset, setPreset] = useState<Preset>('daily');
  const [cron, setCron] = useState<string>(PRESETS.daily);
  const [timeZone, setTimeZone] = useState(() => defaultTimeZone(currentLang(i18n)));
  const [services, setServices] = useState<ServiceId[]>(['ec2', 's3', 'lambda', 'rds', 'iam']);
  const [regions, setRegions] = useState('');
  const [done, setDone] = useState('');
  const preview = useSchedulePreview(cron, timeZone);
  const errors = fieldErrors(create.error, t);
  const list = connections.data?.connections ?? [];
  const chosenConnection = connectionId || list[0]?.id || '';
  const tx = (key: string) => t(`settings.watch.schedules.${key}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const regionList = regions
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const body = ScheduleBody.parse({
      name: name.trim() || tx(`presets.${preset}`),
      connectionId: chosenConnection,
      cron,
      timeZone,
      services,
      regions: regionList.length > 0 ? regionList : 'all-enabled',
    });
    create
      .mutateAsync(body)
      .then(({ schedule }) => setDone(t('settings.watch.schedules.created', { name: schedule.name })))
      .catch(() => undefined);
  };

  if (connections.isPending) return <Loading />;
  if (list.length === 0) return <p className="text-body-secondary">{tx('noConnection')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="schedule-form-title" className="mb-4">
      <h3 id="schedule-form-title" className="h6 mb-3">
        {tx('add')}
      </h3>
      <FormField id="schedule-name" label={tx('name')} value={name} onChange={setName} maxLength={80} />
      <div className="mb-3">
        <label htmlFor="schedule-connection" className="form-label fw-medium">
          {tx('connection')}
        </label>
        <select
          id="schedule-connection"
          className="form-select"
          value={chosenConnection}
          onChange={(e) => setConnectionId(e.target.value)}
        >
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.accountId})
            </option>
          ))}
        </select>
      </div>
      <div className="mb-3">
        <label htmlFor="schedule-preset" className="form-label fw-medium">
          {tx('preset')}
        </label>
        <select
          id="schedule-preset"
          className="form-select"
          value={preset}
          onChange={(e) => {
            const next = e.target.value as Preset;
            setPreset(next);
            if (next !== 'custom') setCron(PRESETS[next]);
          }}
        >
          {(['daily', 'weekly', 'monthly', 'custom'] as const).map((p) => (
            <option key={p} value={p}>
              {tx(`presets.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <FormField
        id="schedule-cron"
        label={tx('cron')}
        help={tx('cronHelp')}
        value={cron}
        onChange={(v) => {
          setCron(v);
          setPreset('custom');
        }}
        error={errors.cron}
        monospace
      />
      <FormField
        id="schedule-timezone"
        label={tx('timeZone')}
        value={timeZone}
        onChange={setTimeZone}
        error={errors.timeZone}
      />
      <div className="mb-3" aria-live="polite">
        <div className="fw-medium">{tx('nextRuns')}</div>
        {preview.isError && <ErrorAlert error={preview.error} />}
        <ul className="mb-0" data-testid="schedule-preview">
          {(preview.data?.nextRuns ?? []).map((at) => (
            <li key={at}>{fmt.dateTime(at)}</li>
          ))}
        </ul>
      </div>
      <ServiceCheckboxes
        className="mb-3"
        legend={tx('services')}
        idPrefix="schedule-service"
        selected={services}
        onToggle={(s, on) => setServices((cur) => (on ? [...cur, s] : cur.filter((x) => x !== s)))}
        label={(s) => t(`advisor.services.${s}`)}
      />
      <FormField
        id="schedule-regions"
        label={`${tx('regions')}: ${tx('regionsList')}`}
        help={tx('allRegions')}
        value={regions}
        onChange={setRegions}
        placeholder="ap-northeast-2, us-east-1"
      />
      {create.isError && <ErrorAlert error={create.error} />}
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <SubmitButton pending={create.isPending} label={tx('add')} pendingLabel={tx('adding')} />
    </form>
  );
}

export function SchedulesSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const schedules = useSchedules();
  const pause = usePauseSchedule();
  const remove = useRemoveSchedule();
  const tx = (key: string) => t(`settings.watch.schedules.${key}`);
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
                <tr key={s.id}>
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
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ScheduleForm />
    </section>
  );
}
