import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../../core/services';
import { type Schedule, ScheduleBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { useConnections } from '../../api/hooks';
import { ConnectionSelect } from '../../components/ConnectionSelect';
import { FormField } from '../../components/FormField';
import { focusElement } from '../../components/focus';
import { RegionPicker } from '../../components/RegionPicker';
import { noRegionChosen, type RegionSelection } from '../../components/regionChoices';
import { ServiceCheckboxes } from '../../components/ServiceCheckboxes';
import { ErrorAlert, Loading } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCreateSchedule, useSchedulePreview, useUpdateSchedule } from './WatchApi';

/** The server's presets (src/schedules/cron.ts): 09:00 in the schedule's time zone. */
const PRESETS = { daily: '0 9 * * *', weekly: '0 9 * * 1', monthly: '0 9 1 * *' } as const;
type Preset = keyof typeof PRESETS | 'custom';

/** A Korean browser schedules in Korea's time; anyone else in their own. */
export function defaultTimeZone(lang: string): string {
  return lang === 'ko' ? 'Asia/Seoul' : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const presetOf = (cron: string): Preset =>
  (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).find((p) => PRESETS[p] === cron) ?? 'custom';

/**
 * Creates a schedule, or edits `schedule` in place (PUT): the form starts from its values, takes the
 * focus, and `onClose` runs after a save or Cancel.
 */
export function ScheduleForm({
  schedule,
  onClose,
}: {
  schedule?: Schedule;
  onClose?: (saved?: Schedule) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const connections = useConnections();
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const mutation = schedule ? update : create;
  const [name, setName] = useState(schedule?.name ?? '');
  const [connectionId, setConnectionId] = useState(schedule?.connectionId ?? '');
  const [preset, setPreset] = useState<Preset>(schedule ? presetOf(schedule.cron) : 'daily');
  const [cron, setCron] = useState<string>(schedule?.cron ?? PRESETS.daily);
  const [timeZone, setTimeZone] = useState(() => schedule?.timeZone ?? defaultTimeZone(currentLang(i18n)));
  const [services, setServices] = useState<ServiceId[]>(
    schedule?.services ?? ['ec2', 's3', 'lambda', 'rds', 'iam'],
  );
  // A new schedule covers every enabled region, as before; choosing regions proposes the home one.
  const [regions, setRegions] = useState<RegionSelection | null>(schedule?.regions ?? 'all-enabled');
  const [done, setDone] = useState('');
  const [regionProblem, setRegionProblem] = useState('');
  const preview = useSchedulePreview(cron, timeZone);
  const errors = fieldErrors(mutation.error, t);
  const scheduleId = schedule?.id;

  useEffect(() => {
    if (scheduleId) focusElement(document.getElementById('schedule-form-title'));
  }, [scheduleId]);
  const list = connections.data?.connections ?? [];
  const chosenConnection = connectionId || list[0]?.id || '';
  const tx = (key: string) => t(`settings.watch.schedules.${key}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (noRegionChosen(regions)) return setRegionProblem(t('regionPicker.needRegion'));
    setRegionProblem('');
    const body = ScheduleBody.parse({
      name: name.trim() || tx(`presets.${preset}`),
      connectionId: chosenConnection,
      cron,
      timeZone,
      services,
      regions,
      paused: schedule?.paused ?? false,
    });
    if (schedule)
      update
        .mutateAsync({ id: schedule.id, body })
        .then(({ schedule: saved }) => onClose?.(saved))
        .catch(() => undefined);
    else
      create
        .mutateAsync(body)
        .then(({ schedule: created }) =>
          setDone(t('settings.watch.schedules.created', { name: created.name })),
        )
        .catch(() => undefined);
  };

  if (connections.isPending) return <Loading />;
  if (list.length === 0) return <p className="text-body-secondary">{tx('noConnection')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="schedule-form-title" className="mb-4">
      <h3 id="schedule-form-title" className="h6 mb-3">
        {schedule ? t('settings.watch.schedules.editTitle', { name: schedule.name }) : tx('add')}
      </h3>
      <FormField id="schedule-name" label={tx('name')} value={name} onChange={setName} maxLength={80} />
      <ConnectionSelect
        id="schedule-connection"
        className="mb-3"
        label={tx('connection')}
        value={chosenConnection}
        connections={list}
        onChange={(id) => {
          setConnectionId(id);
          if (regions !== 'all-enabled') setRegions(null); // the other account's home region
        }}
      />
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
      <RegionPicker
        className="mb-3"
        idPrefix="schedule-regions"
        connectionId={chosenConnection || undefined}
        value={regions}
        onChange={setRegions}
        error={regionProblem || errors.regions}
      />
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <div className="d-flex gap-2">
        <SubmitButton
          pending={mutation.isPending}
          label={schedule ? tx('save') : tx('add')}
          pendingLabel={schedule ? tx('saving') : tx('adding')}
        />
        {schedule && (
          <button type="button" className="btn btn-outline-secondary" onClick={() => onClose?.()}>
            {tx('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
