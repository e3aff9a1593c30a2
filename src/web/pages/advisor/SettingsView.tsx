import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PutSettingsBody } from '../../../shared/api/advisor';
import { ApiRequestError } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/States';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useChecks, usePutSettings } from './api';

const fieldKey = (checkId: string, name: string) => `${checkId}.${name}`;

/**
 * The thresholds of every check that has some, with defaults and allowed ranges. Values are checked
 * here first (so the user sees the problem at once) and again by the server, whose field errors
 * (`checkId.setting` → code) are shown under the same inputs.
 */
export function SettingsView() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  const id = useId();
  const checks = useChecks();
  const save = usePutSettings();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  if (checks.isPending) return <Loading />;
  if (checks.isError) return <ErrorAlert error={checks.error} onRetry={() => void checks.refetch()} />;
  const withSettings = checks.data.checks.filter((c) => c.settings.length > 0);
  const serverErrors = save.error instanceof ApiRequestError ? save.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const overrides: PutSettingsBody['overrides'] = {};
    const errors: Record<string, string> = {};
    for (const check of withSettings) {
      for (const s of check.settings) {
        const key = fieldKey(check.id, s.name);
        const draft = drafts[key];
        if (draft === undefined) continue;
        let value: number | null = null;
        if (draft.trim() !== '') {
          value = Number(draft);
          if (!Number.isFinite(value)) {
            errors[key] = t('advisor.settings.invalidNumber');
            continue;
          }
          if ((s.min !== undefined && value < s.min) || (s.max !== undefined && value > s.max)) {
            errors[key] = t('advisor.settings.outOfRange', { min: s.min ?? '−∞', max: s.max ?? '∞' });
            continue;
          }
        }
        overrides[check.id] = { ...overrides[check.id], [s.name]: value };
      }
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate(
      { overrides },
      {
        onSuccess: () => {
          setDrafts({});
          setSaved(true);
        },
      },
    );
  };

  return (
    <form className="card stat-card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5">
          {t('advisor.settings.title')}
        </h2>
        <p className="text-body-secondary small">{t('advisor.settings.intro')}</p>
        {save.isError && <ErrorAlert error={save.error} />}
        <div role="status" className={saved ? 'alert alert-success py-2' : 'visually-hidden'}>
          {saved ? t('advisor.settings.saved') : ''}
        </div>
        {withSettings.length === 0 ? (
          <p className="text-body-secondary">{t('advisor.settings.noSettings')}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <thead>
                <tr>
                  <th scope="col">{t('advisor.settings.check')}</th>
                  <th scope="col">{t('advisor.settings.setting')}</th>
                  <th scope="col" style={{ width: '14rem' }}>
                    {t('advisor.settings.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {withSettings.flatMap((check) =>
                  check.settings.map((s, index) => {
                    const key = fieldKey(check.id, s.name);
                    const inputId = `${id}-${key}`;
                    const problem =
                      localErrors[key] ??
                      (serverErrors[key]
                        ? t(`errors.${serverErrors[key]}`, { defaultValue: t('errors.field_invalid') })
                        : undefined);
                    return (
                      <tr key={key} data-testid={`setting-${key}`}>
                        {index === 0 && (
                          <th scope="row" rowSpan={check.settings.length} className="fw-semibold">
                            {check.title[lang]}
                            <div className="small text-body-secondary fw-normal">
                              <code>{check.id}</code>
                            </div>
                          </th>
                        )}
                        <td>
                          <label htmlFor={inputId}>{s.description[lang]}</label>
                          <div className="small text-body-secondary">
                            {t('advisor.settings.default', { value: fmt.number(s.default) })}
                            {s.unit && ` ${t(`advisor.settings.units.${s.unit}`, { defaultValue: s.unit })}`}
                            {s.min !== undefined &&
                              s.max !== undefined &&
                              ` · ${t('advisor.settings.range', { min: fmt.number(s.min), max: fmt.number(s.max) })}`}
                            {s.overridden && (
                              <span className="badge text-bg-light border ms-2">
                                {t('advisor.settings.overridden')}
                              </span>
                            )}
                          </div>
                        </td>
                        <td>
                          <input
                            id={inputId}
                            type="text"
                            inputMode="decimal"
                            className={`form-control form-control-sm ${problem ? 'is-invalid' : ''}`}
                            value={drafts[key] ?? String(s.value)}
                            aria-invalid={problem ? true : undefined}
                            aria-describedby={problem ? `${inputId}-error` : undefined}
                            onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })}
                          />
                          {problem && (
                            <div id={`${inputId}-error`} className="invalid-feedback">
                              {problem}
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending || withSettings.length === 0}
        >
          {save.isPending ? t('advisor.settings.saving') : t('advisor.settings.save')}
        </button>
      </div>
    </form>
  );
}
