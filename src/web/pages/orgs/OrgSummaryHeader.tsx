import { useTranslation } from 'react-i18next';
import type { OrgSummary } from '../../../shared/api/orgs';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import type { useRefreshOrg } from './OrgApi';

const COUNTS = ['accounts', 'active', 'suspended', 'roleOk', 'roleFailed'] as const;

/**
 * The organization at a glance (id, management account, last discovery in the viewer's time zone,
 * counts) and the Refresh button; the refresh outcome is announced in a live region.
 */
export function OrgSummaryHeader({
  summary,
  refresh,
}: {
  summary: OrgSummary | null;
  refresh: ReturnType<typeof useRefreshOrg>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
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
            disabled={refresh.isPending}
            onClick={() => {
              refresh.reset();
              refresh.mutate();
            }}
          >
            {refresh.isPending && (
              <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
            )}
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
          {refresh.isPending && (
            <p className="small text-body-secondary mb-0" role="status">
              {t('orgs.refreshing')}
            </p>
          )}
          {refresh.isSuccess && refresh.data.organization && (
            <p className="small text-success mb-0">
              {t('orgs.refreshed', {
                accounts: format.number(refresh.data.organization.counts.accounts),
                failed: format.number(refresh.data.organization.counts.roleFailed),
              })}
            </p>
          )}
        </div>
        {refresh.isError && <ErrorAlert error={refresh.error} />}
      </div>
    </div>
  );
}
