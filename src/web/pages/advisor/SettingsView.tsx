import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { MuteRules } from '../../components/advisor/MuteRules';
import { ErrorAlert, Loading } from '../../components/States';
import { useChecks, usePutSettings } from './api';
import { SettingRow } from './SettingRow';
import { draftsToOverrides, fieldKey, type SettingDrafts } from './settingDrafts';

/**
 * The settings of every check that has some: thresholds with defaults and allowed ranges, and lists
 * (one item per line) with their default and rule. Values are checked here first (so the user sees
 * the problem at once) and again by the server, whose field errors (`checkId.setting` → code) are
 * shown under the same fields.
 */
export function SettingsView() {
  const { t } = useTranslation();
  const id = useId();
  const checks = useChecks();
  const save = usePutSettings();
  const [drafts, setDrafts] = useState<SettingDrafts>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<'saved' | 'resetDone' | null>(null);

  if (checks.isPending) return <Loading />;
  if (checks.isError) return <ErrorAlert error={checks.error} onRetry={() => void checks.refetch()} />;
  const withSettings = checks.data.checks.filter((c) => c.settings.length > 0);
  const serverErrors = save.error instanceof ApiRequestError ? save.error.fields : {};

  const without = <T,>(record: Record<string, T>, key: string) => {
    const { [key]: _dropped, ...rest } = record;
    return rest;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const { overrides, errors } = draftsToOverrides(withSettings, drafts, t);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate(
      { overrides },
      {
        onSuccess: () => {
          setDrafts({});
          setSaved('saved');
        },
      },
    );
  };

  /** Back to the default: a saved override is removed at once; an unsaved edit is dropped. */
  const reset = (checkId: string, name: string, overridden: boolean) => {
    const key = fieldKey(checkId, name);
    setSaved(null);
    setDrafts((current) => without(current, key));
    setLocalErrors((current) => without(current, key));
    if (!overridden) return;
    save.mutate({ overrides: { [checkId]: { [name]: null } } }, { onSuccess: () => setSaved('resetDone') });
  };

  return (
    <>
      <form className="card stat-card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <div className="card-body">
          <h2 id={`${id}-title`} className="h5">
            {t('advisor.settings.title')}
          </h2>
          <p className="text-body-secondary small">{t('advisor.settings.intro')}</p>
          {save.isError && <ErrorAlert error={save.error} />}
          <div role="status" className={saved ? 'alert alert-success py-2' : 'visually-hidden'}>
            {saved ? t(`advisor.settings.${saved}`) : ''}
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
                    <th scope="col" style={{ width: '26rem' }}>
                      {t('advisor.settings.value')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {withSettings.flatMap((check) =>
                    check.settings.map((s, index) => {
                      const key = fieldKey(check.id, s.name);
                      const serverCode = serverErrors[key];
                      const problems =
                        localErrors[key] ??
                        (serverCode
                          ? [t(`errors.${serverCode}`, { defaultValue: t('errors.field_invalid') })]
                          : []);
                      return (
                        <SettingRow
                          key={key}
                          check={check}
                          setting={s}
                          first={index === 0}
                          inputId={`${id}-${key}`}
                          draft={drafts[key]}
                          problems={problems}
                          onDraft={(text) => setDrafts((current) => ({ ...current, [key]: text }))}
                          onReset={() => reset(check.id, s.name, s.overridden)}
                          resetting={save.isPending}
                        />
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
      <MuteRules />
    </>
  );
}
