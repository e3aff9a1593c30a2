import { useTranslation } from 'react-i18next';
import type { OrgRefresh, OrgSummary } from '../../../shared/api/orgs';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import type { useRefreshOrg } from './OrgApi';

const COUNTS = ['accounts', 'active', 'suspended', 'roleOk', 'roleFailed'] as const;

/**
 * The organization at a glance (id, management account, last discovery in the viewer's time zone,
 * counts) and the Refresh button. A refresh is a job: its progress (polled), then its outcome —
 * the counts when it was started here, the error of a failed one — are announced in a live region.
 */
export function OrgSummaryHeader({
  summary,
  refreshState,
  refresh,
}: {
  summary: OrgSummary | null;
  refreshState: OrgRefresh | null;
  refresh: ReturnType<typeof useRefreshOrg>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const running = refresh.isPending || refreshState?.state === 'running';
  const progress = refreshState?.progress;
  return (
    <div className="card shadow-sm">
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-start justify-content-between gap-3 mb-2">
          {summary ? (
            <dl className="row mb-0 small flex-grow-1" data-testid="org-summary">
              <dt className="col-sm-4 col-lg-3">{t('orgs.organizationId')}</dt>
              <dd className="col-sm-8 col-lg-9 font-monospace">{summary.organizationId}</dd>
              <dt className="col-sm-4 col-lg-3">{t('orgs.managementAccount')}</dt>
              <dd className="col-sm-8 col-lg-9 font-monospace">{summary.managementAccountId}</dd>
              <dt className="col-sm-4 col-lg-3">{t('orgs.discoveredAt')}</dt>
              <dd className="col-sm-8 col-lg-9 mb-0">
                <time dateTime={summary.discoveredAt}>{format.dateTime(summary.discoveredAt)}</time>
              </dd>
            </dl>
          ) : (
            <span />
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={running}
            onClick={() => {
              refresh.reset();
              refresh.mutate();
            }}
          >
            {running && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
            {t('orgs.refresh')}
          </button>
        </div>
        {summary && (
          <ul className="list-inline mb-0 d-flex flex-wrap gap-2" data-testid="org-counts">
            {COUNTS.map((count) => (
              <li
                key={count}
                className={`list-inline-item m-0 badge rounded-pill border text-body ${count === 'roleFailed' && summary.counts.roleFailed > 0 ? 'border-danger' : ''}`}
              >
                {t(`orgs.counts.${count}`)}: <strong>{format.number(summary.counts[count])}</strong>
              </li>
            ))}
          </ul>
        )}
        <div aria-live="polite" className="mt-2" data-testid="org-refresh-result">
          {running && (
            <p className="small text-body-secondary mb-0" role="status">
              {t('orgs.refreshing')}
              {progress && progress.accountsDiscovered > 0 && (
                <span data-testid="org-refresh-progress">
                  {' '}
                  {t('orgs.refreshProgress', {
                    accounts: format.number(progress.accountsDiscovered),
                    checked: format.number(progress.rolesChecked),
                    total: format.number(progress.rolesToCheck),
                  })}
                </span>
              )}
            </p>
          )}
          {!running && refresh.isSuccess && refreshState?.state === 'completed' && summary && (
            <p className="small text-success mb-0">
              {t('orgs.refreshed', {
                accounts: format.number(summary.counts.accounts),
                failed: format.number(summary.counts.roleFailed),
              })}
            </p>
          )}
        </div>
        {!running && refreshState?.state === 'failed' && (
          <div className="alert alert-danger mt-2 mb-0" role="alert" data-testid="org-refresh-failed">
            {t('orgs.refreshFailed', {
              reason: t(`errors.${refreshState.error?.code ?? 'refresh_failed'}`, {
                defaultValue: t('errors.refresh_failed'),
              }),
            })}
          </div>
        )}
        {refresh.isError && <ErrorAlert error={refresh.error} />}
      </div>
    </div>
  );
}
