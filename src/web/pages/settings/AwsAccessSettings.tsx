import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import { useConnections } from '../../api/hooks';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { DismissibleAlert, SettingsCard } from '../../components/SettingsCard';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionsTable } from './ConnectionsTable';
import { MemberRoleSetupPanel } from './MemberRoleSetupPanel';

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
          <DismissibleAlert variant="success" testId="connected" onClose={() => setConnected(null)}>
            {t('settings.addConnection.success', {
              accountId: connected.accountId,
              callerArn: connected.callerArn,
            })}
          </DismissibleAlert>
        )}
        {notice && !connected && (
          <DismissibleAlert variant="info" onClose={() => setNotice(null)}>
            {notice}
          </DismissibleAlert>
        )}
      </div>

      <SettingsCard
        titleId="connections-title"
        title={t('settings.connections.title')}
        action={
          list.length > 0 &&
          !adding && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdding(true)}>
              {t('settings.connections.add')}
            </button>
          )
        }
      >
        <ListQueryStatus
          query={connections}
          isEmpty={list.length === 0}
          emptyText={t('settings.connections.empty')}
        />
        {list.length > 0 && (
          <ConnectionsTable
            connections={list}
            onNotice={(text) => {
              setConnected(null);
              setNotice(text);
            }}
          />
        )}
      </SettingsCard>

      {showForm && (
        // Not a named region: the form inside is already named by this title.
        <SettingsCard
          titleId="add-connection-title"
          title={t('settings.addConnection.title')}
          labelled={false}
          action={
            list.length > 0 && (
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                onClick={() => setAdding(false)}
              >
                {t('common.cancel')}
              </button>
            )
          }
        >
          <AddConnectionForm
            onConnected={(connection) => {
              setNotice(null);
              setConnected(connection);
              setAdding(false);
              window.scrollTo({ top: 0, behavior: 'smooth' });
            }}
          />
        </SettingsCard>
      )}

      <MemberRoleSetupPanel />
    </div>
  );
}
