import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang, SEVERITIES, type Severity } from '../../../core/services';
import type { Rule, RuleBody } from '../../../shared/api/notify';
import { fieldErrors } from '../../api/client';
import { CheckboxField, SelectField } from '../../components/ChoiceFields';
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
  // The savings thresholds and quiet hours: optional, never below zero.
  const triggerField = (
    id: string,
    key: string,
    type: 'number' | 'time',
    value: string,
    onChange: (value: string) => void,
  ) => (
    <FormField
      id={`rule-${id}`}
      label={tx(key)}
      type={type}
      {...(type === 'number' ? { min: 0 } : {})}
      value={value}
      onChange={onChange}
    />
  );

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
          <CheckboxField
            key={c.id}
            id={`rule-channel-${c.id}`}
            label={c.name}
            checked={channelIds.includes(c.id)}
            onChange={(on) => setChannelIds((cur) => (on ? [...cur, c.id] : cur.filter((x) => x !== c.id)))}
          />
        ))}
      </fieldset>
      <SelectField
        id="rule-severity"
        label={tx('minSeverity')}
        value={minSeverity}
        options={[
          { value: '', label: tx('none') },
          ...SEVERITIES.map((s) => ({ value: s, label: t(`settings.watch.severities.${s}`) })),
        ]}
        onChange={setMinSeverity}
      />
      <CheckPicker selected={checkIds} onChange={setCheckIds} error={errors.checkIds} />
      <div className="mb-3">
        <CheckboxField id="rule-resolved" label={tx('resolved')} checked={resolved} onChange={setResolved} />
        <CheckboxField
          id="rule-failed"
          label={tx('scanFailed')}
          checked={scanFailed}
          onChange={setScanFailed}
        />
      </div>
      {triggerField('savings-usd', 'savingsUsd', 'number', savingsUsd, setSavingsUsd)}
      {triggerField('savings-percent', 'savingsPercent', 'number', savingsPercent, setSavingsPercent)}
      <SelectField
        id="rule-lang"
        label={tx('lang')}
        value={lang}
        options={LANGS.map((l) => ({ value: l, label: t(`settings.watch.langs.${l}`) }))}
        onChange={setLang}
      />
      <fieldset className="mb-3">
        <legend className="form-label fw-medium fs-6">{tx('quietHours')}</legend>
        <div className="d-flex gap-3">
          {triggerField('quiet-start', 'quietStart', 'time', quietStart, setQuietStart)}
          {triggerField('quiet-end', 'quietEnd', 'time', quietEnd, setQuietEnd)}
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
