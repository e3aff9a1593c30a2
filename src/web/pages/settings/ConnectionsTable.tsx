import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Connection } from '../../../shared/api/connections';
import { useDeleteConnection, useSetDefaultConnection } from '../../api/hooks';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { DataTable, RowActionButton } from '../../components/DataTable';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { OrganizationSettingsForm } from '../orgs/OrganizationSettingsForm';
import { orgAccountsPath } from '../orgs/orgPaths';

/** The user's AWS connections: names and account ids only — the API never sends a secret. */
export function ConnectionsTable({
  connections,
  onNotice,
}: {
  connections: Connection[];
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const setDefault = useSetDefaultConnection();
  const remove = useDeleteConnection();
  const [toDelete, setToDelete] = useState<Connection | null>(null);
  const [editing, setEditing] = useState<Connection | null>(null);
  const failure = setDefault.error ?? remove.error;

  return (
    <>
      {failure && <ErrorAlert error={failure} />}
      <DataTable
        className="connections-table"
        columns={[
          { label: t('settings.connections.name') },
          { label: t('settings.connections.kind') },
          { label: t('settings.connections.accountId') },
          { label: t('settings.connections.verifiedAt'), className: 'd-none d-md-table-cell' },
          { label: t('settings.connections.actions'), className: 'text-end' },
        ]}
      >
        {connections.map((connection) => (
          <tr key={connection.id} data-connection-id={connection.id}>
            <th scope="row" className="fw-medium">
              <span className="text-break">{connection.name}</span>
              {connection.isDefault && (
                <span className="badge text-bg-primary ms-2">{t('settings.connections.default')}</span>
              )}
              {connection.organization && (
                <span className="badge text-bg-info ms-2" data-testid="organization-badge">
                  {t('orgs.badge')}
                </span>
              )}
              <div className="small text-body-secondary font-monospace text-break fw-normal">
                {connection.kind === 'role' ? connection.roleArn : connection.accessKeyIdMasked}
              </div>
            </th>
            <td>
              <span
                className={`badge ${connection.kind === 'role' ? 'text-bg-success' : 'text-bg-secondary'}`}
              >
                {connection.kind === 'role'
                  ? t('settings.connections.kindRole')
                  : t('settings.connections.kindKeys')}
              </span>
            </td>
            <td className="font-monospace account-id">{connection.accountId}</td>
            <td className="small text-nowrap d-none d-md-table-cell">
              <time dateTime={connection.verifiedAt}>{format.dateTime(connection.verifiedAt)}</time>
            </td>
            <td className="text-end text-nowrap">
              {connection.organization && (
                <Link className="btn btn-sm btn-outline-primary me-2" to={orgAccountsPath(connection.id)}>
                  {t('orgs.viewAccounts')}
                  <span className="visually-hidden">: {connection.name}</span>
                </Link>
              )}
              <RowActionButton
                variant="primary"
                className="me-2"
                label={t('orgs.form.edit')}
                itemName={connection.name}
                onClick={() => setEditing(connection)}
              />
              {!connection.isDefault && (
                <RowActionButton
                  variant="primary"
                  className="me-2"
                  label={t('settings.connections.setDefault')}
                  itemName={connection.name}
                  disabled={setDefault.isPending}
                  onClick={() =>
                    setDefault.mutate(connection.id, {
                      onSuccess: () =>
                        onNotice(t('settings.connections.defaultChanged', { name: connection.name })),
                    })
                  }
                />
              )}
              <RowActionButton
                variant="danger"
                label={t('settings.connections.delete')}
                itemName={connection.name}
                onClick={() => setToDelete(connection)}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      {editing && (
        <OrganizationSettingsForm
          key={editing.id}
          connection={editing}
          onSaved={(text) => {
            setEditing(null);
            onNotice(text);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {toDelete && (
        <ConfirmRemoval
          item={toDelete}
          title={t('settings.connections.deleteTitle')}
          body={t('settings.connections.deleteBody', { name: toDelete.name, accountId: toDelete.accountId })}
          confirmLabel={t('settings.connections.deleteConfirm')}
          busy={remove.isPending}
          remove={(connection) => remove.mutateAsync(connection.id)}
          onRemoved={(connection) => onNotice(t('settings.connections.deleted', { name: connection.name }))}
          onClose={() => setToDelete(null)}
        />
      )}
    </>
  );
}
