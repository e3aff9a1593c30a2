import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MuteRuleView } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useChecks, useDeleteMute, useMutes } from '../../pages/advisor/api';
import { ErrorAlert, Loading } from '../States';

/** Which accounts a rule covers, in words: every account, one account (name and id) or an OU (name and path). */
export function muteScopeText(rule: MuteRuleView, t: TFunction): string {
  const scope = rule.scope;
  const names = rule.scopeNames ?? {};
  if (!scope || scope.kind === 'all') return t('advisor.muteRules.scopeAll');
  if (scope.kind === 'account') {
    const name = names.accountName ?? names.connectionName;
    return t('advisor.muteRules.scopeAccount', {
      account: name ? `${name} (${scope.accountId})` : scope.accountId,
    });
  }
  return t('advisor.muteRules.scopeOu', {
    ou: names.ouName ? `${names.ouName} (${names.ouPath ?? scope.ouId})` : scope.ouId,
  });
}

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
        {mutes.isPending && <Loading />}
        {mutes.isError && <ErrorAlert error={mutes.error} onRetry={() => void mutes.refetch()} />}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {mutes.data && mutes.data.rules.length === 0 && (
          <p className="text-body-secondary mb-0">{t('advisor.muteRules.empty')}</p>
        )}
        {mutes.data && mutes.data.rules.length > 0 && (
          <div className="table-responsive">
            <table className="table table-sm align-middle mb-0" data-testid="mute-rules">
              <thead>
                <tr>
                  <th scope="col">{t('advisor.muteRules.check')}</th>
                  <th scope="col">{t('advisor.muteRules.resource')}</th>
                  <th scope="col">{t('advisor.muteRules.accounts')}</th>
                  <th scope="col">{t('advisor.muteRules.reason')}</th>
                  <th scope="col">{t('advisor.muteRules.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('advisor.finding.unmute')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mutes.data.rules.map((rule) => (
                  <tr key={rule.id} data-testid="mute-rule" data-rule={rule.id}>
                    <th scope="row" className="fw-normal">
                      {labelOf(rule.checkId)}
                    </th>
                    <td className="text-break">{rule.resourceId ?? t('advisor.muteRules.allResources')}</td>
                    <td className="text-break" data-testid="mute-rule-scope">
                      {muteScopeText(rule, t)}
                    </td>
                    <td className="text-break">{rule.reason}</td>
                    <td className="text-nowrap">
                      {rule.expiresAt ? fmt.dateTime(rule.expiresAt) : t('advisor.muteRules.noExpiry')}
                      {!rule.active && ` · ${t('advisor.muteRules.expired')}`}
                    </td>
                    <td className="text-end">
                      <button
                        type="button"
                        className="btn btn-outline-secondary btn-sm"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(rule.id)}
                      >
                        {t('advisor.finding.unmute')}
                        <span className="visually-hidden"> {labelOf(rule.checkId)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
