import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../shared/api/tokens';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { DataTable, RowActionButton } from '../../components/DataTable';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useRevokeApiToken } from './ApiTokensApi';

function isExpired(token: ApiToken, now: number): boolean {
  return token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
}

/** The user's tokens: names, scopes and dates only — the API never sends a secret again. */
export function ApiTokensTable({
  tokens,
  onNotice,
}: {
  tokens: ApiToken[];
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeApiToken();
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const now = Date.now();

  return (
    <>
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <DataTable
        testId="api-tokens"
        columns={[
          { label: t('settings.tokens.name') },
          { label: t('settings.tokens.scope') },
          { label: t('settings.tokens.createdAt') },
          { label: t('settings.tokens.expiresAt') },
          { label: t('settings.tokens.lastUsedAt') },
          { label: t('settings.tokens.actions'), className: 'text-end' },
        ]}
      >
        {tokens.map((token) => (
          <tr key={token.id} data-token-id={token.id}>
            <th scope="row" className="fw-medium">
              <span className="text-break">{token.name}</span>
              <div className="small text-body-secondary font-monospace fw-normal">
                {t('settings.tokens.hint', { hint: token.hint })}
              </div>
            </th>
            <td>
              <span className={`badge ${token.scope === 'read' ? 'text-bg-secondary' : 'text-bg-warning'}`}>
                {t(`settings.tokens.scopes.${token.scope}`)}
              </span>
            </td>
            <td className="small text-nowrap">
              <time dateTime={token.createdAt}>{format.dateTime(token.createdAt)}</time>
            </td>
            <td className="small text-nowrap">
              {token.expiresAt === null ? (
                t('settings.tokens.never')
              ) : (
                <>
                  <time dateTime={token.expiresAt}>{format.dateTime(token.expiresAt)}</time>
                  {isExpired(token, now) && (
                    <span className="badge text-bg-danger ms-2">{t('settings.tokens.expired')}</span>
                  )}
                </>
              )}
            </td>
            <td className="small text-nowrap">
              {token.lastUsedAt === null ? (
                <span className="text-body-secondary">{t('settings.tokens.neverUsed')}</span>
              ) : (
                <time dateTime={token.lastUsedAt}>{format.dateTime(token.lastUsedAt)}</time>
              )}
            </td>
            <td className="text-end">
              <RowActionButton
                variant="danger"
                label={t('settings.tokens.revoke')}
                itemName={token.name}
                onClick={() => setToRevoke(token)}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      {toRevoke && (
        <ConfirmRemoval
          item={toRevoke}
          title={t('settings.tokens.revokeTitle')}
          body={t('settings.tokens.revokeBody', { name: toRevoke.name })}
          confirmLabel={t('settings.tokens.revokeConfirm')}
          busy={revoke.isPending}
          remove={(token) => revoke.mutateAsync(token.id)}
          onRemoved={(token) => onNotice(t('settings.tokens.revoked', { name: token.name }))}
          onClose={() => setToRevoke(null)}
        />
      )}
    </>
  );
}
