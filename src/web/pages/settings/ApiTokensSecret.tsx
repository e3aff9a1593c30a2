import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import type { CreatedSecret } from './ApiTokensCreateForm';

/** The one time the secret is on screen: read-only, selectable, copyable, with a plain warning. */
export function ApiTokensSecret({ created, onDone }: { created: CreatedSecret; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section
      className="alert alert-warning mb-0"
      aria-labelledby="token-secret-title"
      data-testid="token-secret"
    >
      <h3 id="token-secret-title" className="h6 alert-heading">
        {t('settings.tokens.secret.title', { name: created.name })}
      </h3>
      <p className="mb-3" id="token-secret-warning">
        {t('settings.tokens.secret.warning')}
      </p>
      <label htmlFor="token-secret-value" className="form-label fw-medium">
        {t('settings.tokens.secret.label')}
      </label>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <input
          id="token-secret-value"
          className="form-control font-monospace flex-grow-1 w-auto"
          readOnly
          value={created.secret}
          aria-describedby="token-secret-warning"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={created.secret} label={t('settings.tokens.secret.copy')} />
      </div>
      <button type="button" className="btn btn-sm btn-outline-dark" onClick={onDone}>
        {t('settings.tokens.secret.done')}
      </button>
    </section>
  );
}
