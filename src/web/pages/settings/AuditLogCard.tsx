import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ListQueryStatus } from '../../components/ListQueryStatus';
import { TitledCard } from '../../components/SettingsCard';
import { useFormat } from '../../i18n/format';
import { useAuditEvents } from './SecurityApi';

/** Settings → Account: the user's own security events (the server keeps the newest 200). */
export function AuditLogCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = useAuditEvents();
  const events = audit.data?.events ?? [];
  return (
    <TitledCard titleId="audit-title" title={t('settings.audit.title')}>
      <p className="text-body-secondary">{t('settings.audit.intro')}</p>
      <ListQueryStatus query={audit} isEmpty={events.length === 0} emptyText={t('settings.audit.empty')} />
      {events.length > 0 && (
        <DataTable
          testId="audit-events"
          className="table-sm"
          columns={[
            { label: t('settings.audit.when') },
            { label: t('settings.audit.what') },
            { label: t('settings.audit.address'), className: 'd-none d-sm-table-cell' },
            { label: t('settings.audit.target') },
          ]}
        >
          {events.map((event) => (
            <tr key={`${event.at}-${event.action}-${event.target ?? ''}`}>
              <td className="small text-nowrap">
                <time dateTime={event.at}>{format.dateTime(event.at)}</time>
              </td>
              <td className={event.action === 'sign_in_failed' ? 'text-danger-emphasis' : undefined}>
                {t(`settings.audit.actions.${event.action}`)}
              </td>
              <td className="small font-monospace d-none d-sm-table-cell">{event.address}</td>
              <td className="small font-monospace text-break">{event.target ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </TitledCard>
  );
}
