import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/api/connections';
import { OrgAccountsResponse, OrgResponse } from '../../../shared/api/orgs';
import { parseScope, type Scope, scopeParam } from '../../../shared/api/scope';
import { useApi, useConnections } from '../../api/hooks';
import { useScope } from '../../scope';

/** Accounts listed per organization at once: 500-account organizations are searched, never listed whole. */
const ACCOUNTS_SHOWN = 50;

/** One organization connection's OUs and a page of its accounts (matching `q`). */
function useOrganizations(connections: readonly Connection[], q: string) {
  const api = useApi();
  const orgs = connections.filter((c) => c.organization);
  const enc = encodeURIComponent;
  const trees = useQueries({
    queries: orgs.map((c) => ({
      queryKey: ['orgs', c.id, 'summary'],
      queryFn: () => api.get(`/api/orgs/${enc(c.id)}`, OrgResponse),
    })),
  });
  const accounts = useQueries({
    queries: orgs.map((c, i) => ({
      queryKey: ['orgs', c.id, 'accounts', 'switcher', q],
      queryFn: () =>
        api.get(
          `/api/orgs/${enc(c.id)}/accounts?limit=${ACCOUNTS_SHOWN}${q ? `&q=${enc(q)}` : ''}`,
          OrgAccountsResponse,
        ),
      enabled: trees[i]?.data?.organization != null,
    })),
  });
  return orgs.map((connection, i) => ({
    connection,
    units: trees[i]?.data?.organization?.units ?? [],
    accounts: accounts[i]?.data?.accounts ?? [],
    total: accounts[i]?.data?.total ?? 0,
  }));
}

/**
 * The account scope of every page: all accounts, one OU of an organization connection, or one
 * account. A native select (keyboard and screen readers know it) with a search box that narrows the
 * organizations' account lists; the choice lives in the URL (`?scope=`).
 */
export function AccountSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const { scope, param, setScope } = useScope();
  const [q, setQ] = useState('');
  const connections = useConnections().data?.connections ?? [];
  const organizations = useOrganizations(connections, q.trim());
  if (connections.length === 0) return null;
  const standalone = connections.filter((c) => !c.organization);
  const value = param ?? 'all';
  const listed = new Set<string>(['all']);
  const option = (s: Scope, label: string) => {
    const key = scopeParam(s) ?? 'all';
    listed.add(key);
    return (
      <option key={key} value={key}>
        {label}
      </option>
    );
  };
  const groups = organizations.map(({ connection, units, accounts }) => (
    <optgroup key={connection.id} label={t('scope.organization', { name: connection.name })}>
      {units.map((u) =>
        option({ kind: 'ou', connectionId: connection.id, ou: u.id }, t('scope.ou', { path: u.path })),
      )}
      {accounts.map((a) =>
        option(
          { kind: 'account', connectionId: connection.id, accountId: a.id },
          t('scope.account', { name: a.name, id: a.id }),
        ),
      )}
    </optgroup>
  ));
  const standaloneOptions = standalone.map((c) =>
    option(
      { kind: 'account', connectionId: c.id, accountId: c.accountId },
      t('scope.account', { name: c.name, id: c.accountId }),
    ),
  );
  const truncated = organizations.find((o) => o.total > o.accounts.length);
  return (
    <div className="d-flex flex-wrap align-items-center gap-2 account-switcher">
      <label className="visually-hidden" htmlFor={`${id}-scope`}>
        {t('scope.label')}
      </label>
      <select
        id={`${id}-scope`}
        className="form-select form-select-sm"
        style={{ maxWidth: '16rem' }}
        value={value}
        onChange={(e) => setScope(parseScope(e.target.value) ?? { kind: 'all' })}
        aria-describedby={truncated ? `${id}-more` : undefined}
      >
        <option value="all">{t('scope.all')}</option>
        {standaloneOptions}
        {groups}
        {!listed.has(value) && scope.kind !== 'all' && (
          <option value={value}>{scope.kind === 'account' ? scope.accountId : scope.ou}</option>
        )}
      </select>
      {organizations.length > 0 && (
        <input
          type="search"
          className="form-control form-control-sm"
          style={{ maxWidth: '10rem' }}
          placeholder={t('scope.find')}
          aria-label={t('scope.find')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      )}
      {truncated && (
        <span id={`${id}-more`} className="visually-hidden">
          {t('scope.more', { shown: truncated.accounts.length, total: truncated.total })}
        </span>
      )}
    </div>
  );
}
