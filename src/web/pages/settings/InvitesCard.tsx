import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { DataTable } from '../../components/DataTable';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { SettingsCard } from '../../components/SettingsCard';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useCreateInvite, useInvites } from './SecurityApi';

/** Settings → Account for the admin of an invite-only server: create single-use invites. */
export function InvitesCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const invites = useInvites(true);
  const create = useCreateInvite();
  // The code lives in this state only: it is never sent again.
  const [code, setCode] = useState<string | null>(null);
  const list = invites.data?.invites ?? [];
  const link = code ? `${window.location.origin}/register?invite=${encodeURIComponent(code)}` : '';

  const onCreate = async () => {
    const created = await create.mutateAsync();
    setCode(created.code);
    create.reset();
  };

  return (
    <SettingsCard
      titleId="invites-title"
      title={t('settings.invites.title')}
      bodyClassName="card-body d-flex flex-column gap-3"
    >
      <p className="text-body-secondary mb-0">{t('settings.invites.intro')}</p>
      {create.isError && <ErrorAlert error={create.error} />}
      <div aria-live="polite">
        {code && (
          <div className="alert alert-success mb-0" role="status">
            <p id="invite-created-note">{t('settings.invites.created')}</p>
            {[
              { id: 'invite-link', label: t('settings.invites.link'), value: link },
              { id: 'invite-code', label: t('settings.invites.code'), value: code },
            ].map((field) => (
              <div key={field.id} className="mb-2">
                <label htmlFor={field.id} className="form-label fw-medium">
                  {field.label}
                </label>
                <div className="d-flex flex-wrap align-items-center gap-2">
                  <input
                    id={field.id}
                    className="form-control font-monospace flex-grow-1 w-auto"
                    readOnly
                    value={field.value}
                    aria-describedby="invite-created-note"
                    spellCheck={false}
                    autoComplete="off"
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <CopyButton text={field.value} label={field.label} />
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={create.isPending}
          onClick={() => void onCreate().catch(() => undefined)}
        >
          {create.isPending ? t('settings.invites.creating') : t('settings.invites.create')}
        </button>
      </div>
      <ListQueryStatus query={invites} isEmpty={list.length === 0} emptyText={t('settings.invites.empty')} />
      {list.length > 0 && (
        <DataTable
          testId="invites"
          className="table-sm"
          columns={[
            { label: t('settings.invites.createdAt') },
            { label: t('settings.invites.expiresAt') },
            { label: t('settings.invites.status') },
          ]}
        >
          {list.map((invite) => (
            <tr key={invite.id}>
              <td className="small text-nowrap">{format.dateTime(invite.createdAt)}</td>
              <td className="small text-nowrap">{format.dateTime(invite.expiresAt)}</td>
              <td>
                {invite.usedBy
                  ? t('settings.invites.usedBy', { username: invite.usedBy })
                  : t('settings.invites.unused')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsCard>
  );
}
