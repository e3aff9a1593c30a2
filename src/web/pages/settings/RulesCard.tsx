import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, SEVERITIES, type Severity } from '../../../core/services';
import type { Rule, RuleBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ErrorAlert, Loading } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { defaultTimeZone } from './SchedulesSettings';
import { useChannels, useCreateRule, useDeliveries, useRemoveRule, useRules } from './WatchApi';

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

function RuleForm() {
  const { t, i18n } = useTranslation();
  const channels = useChannels();
  const create = useCreateRule();
  const [name, setName] = useState('');
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('high');
  const [resolved, setResolved] = useState(false);
  const [scanFailed, setScanFailed] = useState(true);
  const [savingsUsd, setSavingsUsd] = useState('');
  const [savingsPercent, setSavingsPercent] = useState('');
  const [lang, setLang] = useState<Lang>(currentLang(i18n));
  const [quietStart, setQuietStart] = useState('');
  const [quietEnd, setQuietEnd] = useState('');
  const errors = fieldErrors(create.error, t);
  const tx = (key: string) => t(`settings.watch.rules.${key}`);
  const available = channels.data?.channels ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const usd = optionalNumber(savingsUsd);
    const percent = optionalNumber(savingsPercent);
    const body: RuleBody = {
      name,
      enabled: true,
      channelIds,
      lang,
      triggers: {
        ...(minSeverity ? { newFindingsMinSeverity: minSeverity } : {}),
        resolvedFindings: resolved,
        scanFailed,
        checkIds: [],
        ...(usd !== undefined ? { savingsChangeUsd: usd } : {}),
        ...(percent !== undefined ? { savingsChangePercent: percent } : {}),
      },
      ...(quietStart && quietEnd
        ? { quietHours: { start: quietStart, end: quietEnd, timeZone: defaultTimeZone(currentLang(i18n)) } }
        : {}),
    };
    create
      .mutateAsync(body)
      .then(() => setName(''))
      .catch(() => undefined);
  };

  if (channels.isPending) return <Loading />;
  if (available.length === 0) return <p className="text-body-secondary">{tx('noChannels')}</p>;
  const check = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void) => (
    <div className="form-check" key={id}>
      <input
        className="form-check-input"
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="form-check-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="rule-form-title" className="mt-3">
      <h3 id="rule-form-title" className="h6 mb-3">
        {tx('add')}
      </h3>
      <FormField
        id="rule-name"
        label={tx('name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={80}
      />
      <fieldset className="mb-3">
        <legend className="form-label fw-medium fs-6">{tx('channels')}</legend>
        {errors.channelIds && <div className="text-danger small">{errors.channelIds}</div>}
        {available.map((c) =>
          check(`rule-channel-${c.id}`, c.name, channelIds.includes(c.id), (on) =>
            setChannelIds((cur) => (on ? [...cur, c.id] : cur.filter((x) => x !== c.id))),
          ),
        )}
      </fieldset>
      <div className="mb-3">
        <label htmlFor="rule-severity" className="form-label fw-medium">
          {tx('minSeverity')}
        </label>
        <select
          id="rule-severity"
          className="form-select"
          value={minSeverity}
          onChange={(e) => setMinSeverity(e.target.value as Severity | '')}
        >
          <option value="">{tx('none')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`settings.watch.severities.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-3">
        {check('rule-resolved', tx('resolved'), resolved, setResolved)}
        {check('rule-failed', tx('scanFailed'), scanFailed, setScanFailed)}
      </div>
      <FormField
        id="rule-savings-usd"
        label={tx('savingsUsd')}
        type="number"
        min={0}
        value={savingsUsd}
        onChange={setSavingsUsd}
      />
      <FormField
        id="rule-savings-percent"
        label={tx('savingsPercent')}
        type="number"
        min={0}
        value={savingsPercent}
        onChange={setSavingsPercent}
      />
      <div className="mb-3">
        <label htmlFor="rule-lang" className="form-label fw-medium">
          {tx('lang')}
        </label>
        <select
          id="rule-lang"
          className="form-select"
          value={lang}
          onChange={(e) => setLang(e.target.value as Lang)}
        >
          <option value="ko">{t('settings.watch.langs.ko')}</option>
          <option value="en">{t('settings.watch.langs.en')}</option>
        </select>
      </div>
      <fieldset className="mb-3">
        <legend className="form-label fw-medium fs-6">{tx('quietHours')}</legend>
        <div className="d-flex gap-3">
          <FormField
            id="rule-quiet-start"
            label={tx('quietStart')}
            type="time"
            value={quietStart}
            onChange={setQuietStart}
          />
          <FormField
            id="rule-quiet-end"
            label={tx('quietEnd')}
            type="time"
            value={quietEnd}
            onChange={setQuietEnd}
          />
        </div>
      </fieldset>
      {create.isError && <ErrorAlert error={create.error} />}
      <SubmitButton pending={create.isPending} label={tx('add')} pendingLabel={tx('adding')} />
    </form>
  );
}

function ruleSummary(rule: Rule, t: (key: string) => string): string {
  const parts: string[] = [];
  const tr = rule.triggers;
  if (tr.newFindingsMinSeverity)
    parts.push(`≥ ${t(`settings.watch.severities.${tr.newFindingsMinSeverity}`)}`);
  if (tr.resolvedFindings) parts.push(t('settings.watch.rules.resolved'));
  if (tr.scanFailed) parts.push(t('settings.watch.rules.scanFailed'));
  if (tr.savingsChangeUsd !== undefined) parts.push(`$${tr.savingsChangeUsd}`);
  if (tr.savingsChangePercent !== undefined) parts.push(`${tr.savingsChangePercent}%`);
  return parts.join(', ');
}

export function RulesCard() {
  const { t } = useTranslation();
  const rules = useRules();
  const remove = useRemoveRule();
  const tx = (key: string) => t(`settings.watch.rules.${key}`);
  return (
    <section aria-labelledby="rules-title" className="mb-5">
      <h2 id="rules-title" className="h5">
        {tx('title')}
      </h2>
      <p className="text-body-secondary">{tx('intro')}</p>
      {rules.isPending && <Loading />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.data?.rules.length === 0 && <p>{tx('empty')}</p>}
      {rules.data && rules.data.rules.length > 0 && (
        <table className="table align-middle" aria-labelledby="rules-title">
          <thead>
            <tr>
              <th scope="col">{tx('name')}</th>
              <th scope="col">{tx('summary')}</th>
              <th scope="col">{tx('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.data.rules.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{ruleSummary(r, t)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-danger"
                    onClick={() => remove.mutate(r.id)}
                  >
                    {tx('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RuleForm />
    </section>
  );
}

export function DeliveriesCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const deliveries = useDeliveries();
  const tx = (key: string) => t(`settings.watch.deliveries.${key}`);
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="h5">
        {tx('title')}
      </h2>
      {deliveries.isPending && <Loading />}
      {deliveries.isError && <ErrorAlert error={deliveries.error} />}
      {deliveries.data?.deliveries.length === 0 && <p>{tx('empty')}</p>}
      {deliveries.data && deliveries.data.deliveries.length > 0 && (
        <div className="table-responsive">
          <table className="table align-middle" aria-labelledby="deliveries-title">
            <thead>
              <tr>
                <th scope="col">{tx('at')}</th>
                <th scope="col">{tx('channel')}</th>
                <th scope="col">{tx('subject')}</th>
                <th scope="col">{tx('status')}</th>
                <th scope="col">{tx('attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{fmt.dateTime(d.createdAt)}</td>
                  <td>{d.channelName}</td>
                  <td>
                    {d.subject} {d.test && <span className="badge text-bg-secondary">{tx('test')}</span>}
                  </td>
                  <td>{tx(`statuses.${d.status}`)}</td>
                  <td>
                    {d.attempts
                      .map((a) => (a.ok ? `✓ ${a.responseCode ?? ''}` : `✗ ${a.error ?? ''}`))
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
