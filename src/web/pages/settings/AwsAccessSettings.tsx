import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import { useConnections } from '../../api/hooks';
import { ErrorAlert, Loading } from '../../components/States';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionsTable } from './ConnectionsTable';

export function AwsAccessSettings() {
  const { t } = useTranslation();
  const connections = useConnections();
  const [adding, setAdding] = useState(false);
  const [connected, setConnected] = useState<Connection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = connections.data?.connections ?? [];
  const showForm = adding || (connections.isSuccess && list.length === 0);

  return (
    <div className="d-flex flex-column gap-4">
      <div aria-live="polite">
        {connected && (
          <div
            className="alert alert-success d-flex justify-content-between align-items-start gap-3"
            data-testid="connected"
          >
            <span>
              {t('settings.addConnection.success', {
                accountId: connected.accountId,
                callerArn: connected.callerArn,
              })}
            </span>
            <button
              type="button"
              className="btn-close"
              aria-label={t('common.close')}
              onClick={() => setConnected(null)}
            />
          </div>
        )}
        {notice && !connected && (
          <div className="alert alert-info d-flex justify-content-between align-items-start gap-3">
            <span>{notice}</span>
            <button
              type="button"
              className="btn-close"
              aria-label={t('common.close')}
              onClick={() => setNotice(null)}
            />
          </div>
        )}
      </div>

      <section className="card shadow-sm" aria-labelledby="connections-title">
        <div className="card-header bg-body d-flex flex-wrap align-items-center justify-content-between gap-2 py-3">
          <h2 id="connections-title" className="h5 mb-0">
            {t('settings.connections.title')}
          </h2>
          {list.length > 0 && !adding && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdding(true)}>
              {t('settings.connections.add')}
            </button>
          )}
        </div>
        <div className="card-body">
          {connections.isPending && <Loading />}
          {connections.isError && (
            <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
          )}
          {connections.isSuccess && list.length === 0 && (
            <p className="text-body-secondary mb-0">{t('settings.connections.empty')}</p>
          )}
          {list.length > 0 && (
            <ConnectionsTable
              connections={list}
              onNotice={(text) => {
                setConnected(null);
                setNotice(text);
              }}
            />
          )}
        </div>
      </section>

      {showForm && (
        <section className="card shadow-sm">
          <div className="card-header bg-body d-flex align-items-center justify-content-between py-3">
            <h2 id="add-connection-title" className="h5 mb-0">
              {t('settings.addConnection.title')}
            </h2>
            {list.length > 0 && (
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                onClick={() => setAdding(false)}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
          <div className="card-body">
            <AddConnectionForm
              onConnected={(connection) => {
                setNotice(null);
                setConnected(connection);
                setAdding(false);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          </div>
        </section>
      )}
    </div>
  );
}
