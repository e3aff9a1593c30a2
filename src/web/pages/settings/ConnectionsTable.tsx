import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import { useDeleteConnection, useSetDefaultConnection } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';

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
  const failure = setDefault.error ?? remove.error;

  return (
    <>
      {failure && <ErrorAlert error={failure} />}
      <div className="table-responsive">
        <table className="table align-middle mb-0 connections-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.connections.name')}</th>
              <th scope="col">{t('settings.connections.kind')}</th>
              <th scope="col">{t('settings.connections.accountId')}</th>
              <th scope="col" className="d-none d-md-table-cell">
                {t('settings.connections.verifiedAt')}
              </th>
              <th scope="col" className="text-end">
                {t('settings.connections.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {connections.map((connection) => (
              <tr key={connection.id} data-connection-id={connection.id}>
                <th scope="row" className="fw-medium">
                  <span className="text-break">{connection.name}</span>
                  {connection.isDefault && (
                    <span className="badge text-bg-primary ms-2">{t('settings.connections.default')}</span>
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
                  {!connection.isDefault && (
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-primary me-2"
                      disabled={setDefault.isPending}
                      onClick={() =>
                        setDefault.mutate(connection.id, {
                          onSuccess: () =>
                            onNotice(t('settings.connections.defaultChanged', { name: connection.name })),
                        })
                      }
                    >
                      {t('settings.connections.setDefault')}
                      <span className="visually-hidden">: {connection.name}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-danger"
                    onClick={() => setToDelete(connection)}
                  >
                    {t('settings.connections.delete')}
                    <span className="visually-hidden">: {connection.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {toDelete && (
        <ConfirmDialog
          title={t('settings.connections.deleteTitle')}
          body={t('settings.connections.deleteBody', { name: toDelete.name, accountId: toDelete.accountId })}
          confirmLabel={t('settings.connections.deleteConfirm')}
          busy={remove.isPending}
          onCancel={() => setToDelete(null)}
          onConfirm={() =>
            // The table may unmount when the last connection goes, so no per-call callbacks.
            remove
              .mutateAsync(toDelete.id)
              .then(() => onNotice(t('settings.connections.deleted', { name: toDelete.name })))
              .catch(() => undefined /* shown from remove.error */)
              .finally(() => setToDelete(null))
          }
        />
      )}
    </>
  );
}
