import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useChecks, useDeleteMute, useMutes } from '../../pages/advisor/api';
import { DataTable, RowActionButton } from '../DataTable';
import { ListQueryStatus } from '../ListQueryStatus';
import { ErrorAlert } from '../States';
import { muteScopeText } from './muteScope';

/** The user's mute rules with what, where and for which accounts each mutes, and Unmute. */
export function MuteRules() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const fmt = useFormat();
  const id = useId();
  const mutes = useMutes();
  const checks = useChecks();
  const remove = useDeleteMute();
  const labelOf = (checkId: string) =>
    checks.data?.checks.find((c) => c.id === checkId)?.failureLabel[lang] ?? checkId;

  return (
    <section className="card stat-card mt-4" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5">
          {t('advisor.muteRules.title')}
        </h2>
        <ListQueryStatus
          query={mutes}
          isEmpty={mutes.data?.rules.length === 0}
          emptyText={t('advisor.muteRules.empty')}
        />
        {remove.isError && <ErrorAlert error={remove.error} />}
        {mutes.data && mutes.data.rules.length > 0 && (
          <DataTable
            className="table-sm"
            testId="mute-rules"
            columns={[
              { label: t('advisor.muteRules.check') },
              { label: t('advisor.muteRules.resource') },
              { label: t('advisor.muteRules.accounts') },
              { label: t('advisor.muteRules.reason') },
              { label: t('advisor.muteRules.expires') },
              { label: t('advisor.finding.unmute'), hiddenLabel: true },
            ]}
          >
            {mutes.data.rules.map((rule) => (
              <tr key={rule.id} data-testid="mute-rule" data-rule={rule.id}>
                <th scope="row" className="fw-normal">
                  {labelOf(rule.checkId)}
                </th>
                <td className="text-break">{rule.resourceId ?? t('advisor.muteRules.allResources')}</td>
                <td className="text-break" data-testid="mute-rule-scope">
                  {muteScopeText(rule.scope, rule.scopeNames, t)}
                </td>
                <td className="text-break">{rule.reason}</td>
                <td className="text-nowrap">
                  {rule.expiresAt ? fmt.dateTime(rule.expiresAt) : t('advisor.muteRules.noExpiry')}
                  {!rule.active && ` · ${t('advisor.muteRules.expired')}`}
                </td>
                <td className="text-end">
                  <RowActionButton
                    label={t('advisor.finding.unmute')}
                    itemName={labelOf(rule.checkId)}
                    variant="secondary"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(rule.id)}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </section>
  );
}
