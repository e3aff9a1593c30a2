import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TokenScope } from '../../../shared/api/tokens';
import { CodeBlock } from '../../components/CodeBlock';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { DismissibleAlert, SettingsCard, TitledCard } from '../../components/SettingsCard';
import { useApiTokens } from './ApiTokensApi';
import { ApiTokensCreateForm, type CreatedSecret } from './ApiTokensCreateForm';
import { ApiTokensSecret } from './ApiTokensSecret';
import { ApiTokensTable } from './ApiTokensTable';

/** Settings → API tokens: list, create (secret shown once), revoke, and how to use a token. */
export function ApiTokensSettings() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const [adding, setAdding] = useState(false);
  // The secret lives in this state only: leaving the page or pressing "done" forgets it.
  const [created, setCreated] = useState<CreatedSecret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = tokens.data?.tokens ?? [];
  const showForm = !created && (adding || (tokens.isSuccess && list.length === 0));
  const curl = `curl -H "Authorization: Bearer agc_…" ${window.location.origin}/api/collections`;

  return (
    <div className="d-flex flex-column gap-4">
      <div aria-live="polite">
        {notice && (
          <DismissibleAlert variant="info" className="mb-0" onClose={() => setNotice(null)}>
            {notice}
          </DismissibleAlert>
        )}
      </div>

      <SettingsCard
        titleId="tokens-title"
        title={t('settings.tokens.title')}
        bodyClassName="card-body d-flex flex-column gap-4"
        action={
          list.length > 0 &&
          !showForm &&
          !created && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdding(true)}>
              {t('settings.tokens.add')}
            </button>
          )
        }
      >
        <p className="text-body-secondary mb-0">{t('settings.tokens.intro')}</p>
        {created && (
          <ApiTokensSecret
            created={created}
            onDone={() => {
              setCreated(null);
              setAdding(false);
            }}
          />
        )}
        {showForm && (
          <ApiTokensCreateForm
            onCreated={(secret) => {
              setNotice(null);
              setCreated(secret);
            }}
            onCancel={list.length > 0 ? () => setAdding(false) : undefined}
          />
        )}
        <div>
          <h3 className="h6 mb-3">{t('settings.tokens.listTitle')}</h3>
          <ListQueryStatus
            query={tokens}
            isEmpty={list.length === 0}
            emptyText={t('settings.tokens.empty')}
          />
          {list.length > 0 && (
            <ApiTokensTable
              tokens={list}
              onNotice={(text) => {
                setCreated(null);
                setNotice(text);
              }}
            />
          )}
        </div>
      </SettingsCard>

      <TitledCard titleId="tokens-usage-title" title={t('settings.tokens.usage.title')}>
        <p id="tokens-usage-body">{t('settings.tokens.usage.body')}</p>
        <CodeBlock text={curl} labelledBy="tokens-usage-body" />
        <ul className="mt-3 mb-0">
          {TokenScope.options.map((scope) => (
            <li key={scope}>
              <strong>{t(`settings.tokens.scopes.${scope}`)}</strong> —{' '}
              {t(`settings.tokens.scopeHelp.${scope}`)}
            </li>
          ))}
          <li>{t('settings.tokens.usage.session')}</li>
        </ul>
        <a className="btn btn-outline-primary btn-sm mt-3" href="/api/docs" target="_blank" rel="noopener">
          {t('settings.tokens.usage.docs')}
        </a>
      </TitledCard>
    </div>
  );
}
