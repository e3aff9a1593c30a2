import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useConnections } from '../../api/hooks';
import { DismissibleAlert } from '../../components/SettingsCard';
import { EmptyState, ErrorAlert, Loading } from '../../components/States';
import { OrgAccountFilters } from './OrgAccountFilters';
import { OrgAccountsTable } from './OrgAccountsTable';
import { useOrgAccounts, useOrgSummary, useRefreshOrg } from './OrgApi';
import { OrgSummaryHeader } from './OrgSummaryHeader';
import { OuTree } from './OuTree';
import { useOrgFilters } from './useOrgFilters';

/**
 * Settings → AWS access → an organization connection's accounts: the summary and Refresh, the OU
 * tree, filters and one server-side page of accounts at a time (never the whole organization).
 */
export function OrgAccountsPage() {
  const { t } = useTranslation();
  const connectionId = useParams().connectionId ?? '';
  const connections = useConnections();
  const connection = connections.data?.connections.find((c) => c.id === connectionId);
  const summary = useOrgSummary(connectionId);
  const refresh = useRefreshOrg(connectionId);
  const filters = useOrgFilters();
  const organization = summary.data?.organization ?? null;
  const accounts = useOrgAccounts(connectionId, filters.query, organization !== null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="d-flex flex-column gap-3">
      <div>
        <Link to="/settings/aws" className="small">
          ← {t('orgs.back')}
        </Link>
        <h2 className="h5 mt-2 mb-0" id="org-accounts-title">
          {t('orgs.title')}
          {connection && <span className="text-body-secondary fw-normal"> · {connection.name}</span>}
        </h2>
      </div>
      {connections.isSuccess && connection && !connection.organization && (
        <div className="alert alert-warning mb-0">{t('orgs.notOrganization')}</div>
      )}
      {summary.isPending && <Loading />}
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.isSuccess && (
        <OrgSummaryHeader summary={organization} refreshState={summary.data.refresh} refresh={refresh} />
      )}
      {summary.isSuccess && !organization && (
        <EmptyState
          title={t('orgs.emptyTitle')}
          headingLevel={3}
          action={
            <Link className="btn btn-outline-primary btn-sm" to="/settings/aws">
              {t('orgs.templateLink')}
            </Link>
          }
        >
          {t('orgs.emptyBody')}
        </EmptyState>
      )}
      {organization && (
        <div className="row g-3">
          <div className="col-12 col-md-4 col-xl-3">
            <OuTree
              units={organization.units}
              selected={filters.ou}
              onSelect={(ou) => filters.update({ ou })}
            />
          </div>
          <section className="col-12 col-md-8 col-xl-9" aria-labelledby="org-accounts-title">
            <OrgAccountFilters filters={filters} />
            <div aria-live="polite">
              {notice && (
                <DismissibleAlert variant="info" onClose={() => setNotice(null)}>
                  {notice}
                </DismissibleAlert>
              )}
            </div>
            {accounts.isPending && <Loading />}
            {accounts.isError && (
              <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
            )}
            {accounts.data && (
              <div
                aria-busy={accounts.isFetching}
                className={accounts.isPlaceholderData ? 'opacity-50' : undefined}
              >
                <OrgAccountsTable
                  connectionId={connectionId}
                  accounts={accounts.data.accounts}
                  total={accounts.data.total}
                  filters={filters}
                  onChecked={setNotice}
                />
              </div>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
