import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgAccount } from '../../../shared/api/orgs';
import { DataTable } from '../../components/DataTable';
import { Pagination } from '../../components/Pagination';
import { ErrorAlert } from '../../components/States';
import { useFormat } from '../../i18n/format';
import { useVerifyOrgAccount } from './OrgApi';
import type { OrgFilters } from './useOrgFilters';

const STATUS_BADGE: Record<string, string> = {
  ACTIVE: 'text-bg-success',
  SUSPENDED: 'text-bg-secondary',
};
const ROLE_BADGE = {
  ok: 'text-bg-success',
  failed: 'text-bg-danger',
  skipped: 'text-bg-secondary',
  unchecked: 'text-bg-light border',
} as const;

/** What the member role check said, with AWS's code and message when it failed. */
function RoleState({ account }: { account: OrgAccount }) {
  const { t } = useTranslation();
  const role = account.role ?? { state: 'unchecked' as const };
  const detailId = `role-detail-${account.id}`;
  let note: string | undefined;
  if (role.state === 'ok' && role.code === 'connection') note = t('orgs.management');
  if (role.state === 'skipped' && role.code === 'suspended') note = t('orgs.skippedSuspended');
  return (
    <div>
      <span className={`badge ${ROLE_BADGE[role.state]}`} data-role-state={role.state}>
        {t(`orgs.roleStates.${role.state}`)}
      </span>
      {note && <div className="small text-body-secondary">{note}</div>}
      {role.state === 'failed' && (
        <details className="small mt-1">
          <summary aria-describedby={detailId}>{t('orgs.table.details')}</summary>
          <div id={detailId} className="text-break" lang="en" data-testid="role-failure">
            <code>{role.code}</code>
            {role.message && `: ${role.message}`}
          </div>
        </details>
      )}
    </div>
  );
}

/** One page of accounts (server-paged), each with a "Check again" of its member role. */
export function OrgAccountsTable({
  connectionId,
  accounts,
  total,
  filters,
  onChecked,
}: {
  connectionId: string;
  accounts: OrgAccount[];
  total: number;
  filters: OrgFilters;
  onChecked: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const verify = useVerifyOrgAccount(connectionId);
  const [checking, setChecking] = useState<string | null>(null);
  const from = total === 0 ? 0 : filters.page * filters.limit + 1;
  const to = Math.min(total, (filters.page + 1) * filters.limit);

  const checkAgain = (account: OrgAccount) => {
    setChecking(account.id);
    verify
      .mutateAsync(account.id)
      .then(({ account: checked }) =>
        onChecked(
          t('orgs.checked', {
            name: checked.name,
            state: t(`orgs.roleStates.${checked.role?.state ?? 'unchecked'}`),
          }),
        ),
      )
      .catch(() => {
        // Shown from verify.error.
      })
      .finally(() => setChecking(null));
  };

  return (
    <>
      {verify.isError && <ErrorAlert error={verify.error} />}
      <DataTable
        className="table-sm org-accounts-table"
        testId="org-accounts"
        columns={[
          { label: t('orgs.table.name') },
          { label: t('orgs.table.id') },
          { label: t('orgs.table.email'), className: 'd-none d-lg-table-cell' },
          { label: t('orgs.table.ouPath') },
          { label: t('orgs.table.status') },
          { label: t('orgs.table.role') },
          { label: t('orgs.table.actions'), className: 'text-end' },
        ]}
      >
        {accounts.map((account) => (
          <tr key={account.id} data-account-id={account.id}>
            <th scope="row" className="fw-medium text-break">
              {account.name}
            </th>
            <td className="font-monospace">{account.id}</td>
            <td className="small text-break d-none d-lg-table-cell">{account.email}</td>
            <td className="small font-monospace text-break">{account.ouPath}</td>
            <td>
              <span className={`badge ${STATUS_BADGE[account.status] ?? 'text-bg-warning'}`}>
                {t(`orgs.statuses.${account.status}`, { defaultValue: account.status })}
              </span>
            </td>
            <td>
              <RoleState account={account} />
            </td>
            <td className="text-end text-nowrap">
              {account.status === 'ACTIVE' && account.role?.code !== 'connection' && (
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  disabled={checking !== null}
                  onClick={() => checkAgain(account)}
                >
                  {checking === account.id ? t('orgs.table.checking') : t('orgs.table.checkAgain')}
                  <span className="visually-hidden">: {account.name}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {total === 0 && <p className="text-body-secondary small my-3">{t('orgs.table.none')}</p>}
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mt-3">
        <span className="small text-body-secondary" data-testid="org-range">
          {t('orgs.table.range', {
            from: format.number(from),
            to: format.number(to),
            total: format.number(total),
          })}
        </span>
        <Pagination
          label={t('orgs.table.pagination')}
          page={filters.page}
          pageCount={Math.ceil(total / filters.limit)}
          previous={t('orgs.table.previous')}
          next={t('orgs.table.next')}
          onPage={(page) => filters.update({ page: page > 0 ? String(page + 1) : undefined })}
        />
      </div>
    </>
  );
}
