import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTokenBody, MAX_TOKEN_DAYS, TokenScope } from '../../../shared/api/tokens';
import { fieldErrors } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ErrorAlert } from '../../components/States';
import { SubmitButton } from '../../components/SubmitButton';
import { useCreateApiToken } from './ApiTokensApi';

type Field = 'name' | 'expiresInDays';

export interface CreatedSecret {
  name: string;
  secret: string;
}

/** An empty box means "never expires"; anything else must be a whole number of days. */
function parseDays(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function ApiTokensCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedSecret) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors: Partial<Record<string, string>> = { ...fieldErrors(create.error, t), ...clientErrors };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const expiresInDays = parseDays(days);
    const parsed = CreateTokenBody.safeParse({ name, scope, expiresInDays });
    const found: Partial<Record<Field, string>> = {};
    if (expiresInDays === null) found.expiresInDays = t('errors.token_days_invalid');
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'name' && !found.name) {
          // Our schema's messages are codes; zod's own (e.g. a wrong type) fall back to "required".
          const code = /^token_[a-z_]+$/.test(issue.message) ? issue.message : 'token_name_required';
          found.name = t(`errors.${code}`);
        }
        if (field === 'expiresInDays') found.expiresInDays = t('errors.token_days_invalid');
      }
    }
    setClientErrors(found);
    const first = (['name', 'expiresInDays'] as const).find((field) => found[field]);
    if (first || !parsed.success) {
      if (first) document.getElementById(`token-${first}`)?.focus();
      return;
    }
    create
      .mutateAsync(parsed.data)
      .then(({ token, secret }) => {
        // Out of react-query's memory at once: only the one-time box holds the secret.
        create.reset();
        setName('');
        setDays('');
        onCreated({ name: token.name, secret });
      })
      .catch(() => undefined /* shown from create.error */);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="token-form-title">
      <h3 id="token-form-title" className="h6 mb-3">
        {t('settings.tokens.form.title')}
      </h3>
      <div className="row">
        <div className="col-12 col-lg-8">
          <FormField
            id="token-name"
            label={t('settings.tokens.form.name')}
            placeholder={t('settings.tokens.form.namePlaceholder')}
            help={t('settings.tokens.form.nameHelp')}
            value={name}
            onChange={setName}
            error={errors.name}
            maxLength={64}
            autoComplete="off"
            required
          />
          <fieldset className="mb-3">
            <legend className="form-label fw-medium fs-6">{t('settings.tokens.form.scope')}</legend>
            {TokenScope.options.map((option) => (
              <div className="form-check mb-2" key={option}>
                <input
                  className="form-check-input"
                  type="radio"
                  name="token-scope"
                  id={`token-scope-${option}`}
                  value={option}
                  checked={scope === option}
                  onChange={() => setScope(option)}
                  aria-describedby={`token-scope-${option}-help`}
                />
                <label className="form-check-label fw-medium" htmlFor={`token-scope-${option}`}>
                  {t(`settings.tokens.scopes.${option}`)}
                </label>
                <div id={`token-scope-${option}-help`} className="form-text mt-0">
                  {t(`settings.tokens.scopeHelp.${option}`)}
                </div>
              </div>
            ))}
          </fieldset>
          <FormField
            id="token-expiresInDays"
            label={`${t('settings.tokens.form.expiresInDays')} (${t('common.optional')})`}
            help={t('settings.tokens.form.expiresHelp', { max: MAX_TOKEN_DAYS })}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_TOKEN_DAYS}
            step={1}
            value={days}
            onChange={setDays}
            error={errors.expiresInDays}
          />
        </div>
      </div>
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="d-flex gap-2">
        <SubmitButton
          pending={create.isPending}
          label={t('settings.tokens.form.submit')}
          pendingLabel={t('settings.tokens.form.submitting')}
        />
        {onCancel && (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
