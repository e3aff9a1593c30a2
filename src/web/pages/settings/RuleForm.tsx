import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, SEVERITIES, type Severity } from '../../../core/services';
import type { Rule, RuleBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { FormField } from '../../components/FormField';
import { focusElement } from '../../components/focus';
import { ErrorAlert, Loading } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { currentLang } from '../../i18n';
import { CheckPicker } from './CheckPicker';
import { defaultTimeZone } from './ScheduleForm';
import { useChannels, useCreateRule, useUpdateRule } from './WatchApi';

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

function Check({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="form-check">
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
}

/**
 * Adds a rule, or edits `rule` in place (PUT): the form starts from its values, takes the focus,
 * and `onClose` runs after a save or Cancel. The server's field errors show beside their fields.
 */
export function RuleForm({ rule, onClose }: { rule?: Rule; onClose?: (saved?: Rule) => void }) {
  const { t, i18n } = useTranslation();
  const channels = useChannels();
  const create = useCreateRule();
  const update = useUpdateRule();
  const mutation = rule ? update : create;
  const tr = rule?.triggers;
  const [name, setName] = useState(rule?.name ?? '');
  const [channelIds, setChannelIds] = useState<string[]>(rule?.channelIds ?? []);
  const [minSeverity, setMinSeverity] = useState<Severity | ''>(
    rule ? (tr?.newFindingsMinSeverity ?? '') : 'high',
  );
  const [resolved, setResolved] = useState(tr?.resolvedFindings ?? false);
  const [scanFailed, setScanFailed] = useState(tr?.scanFailed ?? true);
  const [checkIds, setCheckIds] = useState<string[]>(tr?.checkIds ?? []);
  const [savingsUsd, setSavingsUsd] = useState(numberText(tr?.savingsChangeUsd));
  const [savingsPercent, setSavingsPercent] = useState(numberText(tr?.savingsChangePercent));
  const [lang, setLang] = useState<Lang>(rule?.lang ?? currentLang(i18n));
  const [quietStart, setQuietStart] = useState(rule?.quietHours?.start ?? '');
  const [quietEnd, setQuietEnd] = useState(rule?.quietHours?.end ?? '');
  const errors = fieldErrors(mutation.error, t);
  const tx = (key: string) => t(`settings.watch.rules.${key}`);
  const available = channels.data?.channels ?? [];
  const ruleId = rule?.id;

  useEffect(() => {
    if (ruleId) focusElement(document.getElementById('rule-form-title'));
  }, [ruleId]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const usd = optionalNumber(savingsUsd);
    const percent = optionalNumber(savingsPercent);
    const body: RuleBody = {
      name,
      enabled: rule?.enabled ?? true,
      channelIds,
      lang,
      ...(rule?.connectionId ? { connectionId: rule.connectionId } : {}),
      triggers: {
        ...(minSeverity ? { newFindingsMinSeverity: minSeverity } : {}),
        resolvedFindings: resolved,
        scanFailed,
        checkIds,
        ...(usd !== undefined ? { savingsChangeUsd: usd } : {}),
        ...(percent !== undefined ? { savingsChangePercent: percent } : {}),
      },
      ...(quietStart && quietEnd
        ? {
            quietHours: {
              start: quietStart,
              end: quietEnd,
              timeZone: rule?.quietHours?.timeZone ?? defaultTimeZone(currentLang(i18n)),
            },
          }
        : {}),
    };
    const saving = rule ? update.mutateAsync({ id: rule.id, body }) : create.mutateAsync(body);
    saving
      .then(({ rule: saved }) => {
        if (rule) onClose?.(saved);
        else {
          setName('');
          setCheckIds([]);
        }
      })
      .catch(() => undefined);
  };

  if (channels.isPending) return <Loading />;
  if (available.length === 0) return <p className="text-body-secondary">{tx('noChannels')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="rule-form-title" className="mt-3">
      <h3 id="rule-form-title" className="h6 mb-3">
        {rule ? t('settings.watch.rules.editTitle', { name: rule.name }) : tx('add')}
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
        {available.map((c) => (
          <Check
            key={c.id}
            id={`rule-channel-${c.id}`}
            label={c.name}
            checked={channelIds.includes(c.id)}
            onChange={(on) => setChannelIds((cur) => (on ? [...cur, c.id] : cur.filter((x) => x !== c.id)))}
          />
        ))}
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
      <CheckPicker selected={checkIds} onChange={setCheckIds} error={errors.checkIds} />
      <div className="mb-3">
        <Check id="rule-resolved" label={tx('resolved')} checked={resolved} onChange={setResolved} />
        <Check id="rule-failed" label={tx('scanFailed')} checked={scanFailed} onChange={setScanFailed} />
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
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <div className="d-flex gap-2">
        <SubmitButton
          pending={mutation.isPending}
          label={rule ? tx('save') : tx('add')}
          pendingLabel={rule ? tx('saving') : tx('adding')}
        />
        {rule && (
          <button type="button" className="btn btn-outline-secondary" onClick={() => onClose?.()}>
            {tx('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
