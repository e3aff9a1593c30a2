import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounce } from 'use-debounce';
import type { Connection } from '../../../shared/api/connections';
import { OrgAccountsResponse, OrgResponse } from '../../../shared/api/orgs';
import { ALL_ACCOUNTS, type Scope, scopeParam } from '../../../shared/api/scope';
import { useApi } from '../../api/hooks';

/** Accounts fetched per organization and page: 500-account organizations are searched or paged, never listed whole. */
export const SWITCHER_PAGE = 25;
/** The server is asked once typing pauses this long. */
const SEARCH_DELAY_MS = 300;

/** One line of the switcher's list: a scope to choose, or "show more" of one organization. */
export type ScopeChoice =
  | { kind: 'scope'; key: string; label: string; detail?: string; scope: Scope }
  | { kind: 'more'; key: string; label: string; connectionId: string };

const enc = encodeURIComponent;
const matches = (q: string, ...texts: string[]) =>
  !q || texts.some((text) => text.toLowerCase().includes(q.toLowerCase()));

/** The label of the current scope, asked of the server when that account is not among those listed. */
function useCurrentLabel(scope: Scope, connections: readonly Connection[], units: Map<string, string>) {
  const { t } = useTranslation();
  const api = useApi();
  const connection = scope.kind === 'all' ? undefined : connections.find((c) => c.id === scope.connectionId);
  const memberId = scope.kind === 'account' && connection?.organization ? scope.accountId : undefined;
  const member = useQuery({
    queryKey: ['orgs', connection?.id, 'accounts', 'one', memberId],
    queryFn: () =>
      api.get(`/api/orgs/${enc(connection?.id ?? '')}/accounts?q=${memberId}&limit=5`, OrgAccountsResponse),
    enabled: memberId !== undefined,
    staleTime: 60_000,
  });
  if (scope.kind === 'all') return t('scope.all');
  if (scope.kind === 'ou') {
    const path = units.get(`${scope.connectionId}:${scope.ou}`);
    return t('scope.ou', { path: path ?? scope.ou });
  }
  const found = member.data?.accounts.find((a) => a.id === scope.accountId);
  const name = found?.name ?? (connection && !connection.organization ? connection.name : undefined);
  return name ? t('scope.account', { name, id: scope.accountId }) : scope.accountId;
}

/**
 * What the switcher lists for the text typed in it: all accounts, the standalone connections and,
 * per organization connection, its OUs and a server-side search of its accounts, one page at a
 * time (`more` asks for the next page). The search waits for typing to pause.
 */
export function useScopeChoices(connections: readonly Connection[], scope: Scope, text: string) {
  const { t } = useTranslation();
  const api = useApi();
  const [q] = useDebounce(text.trim(), SEARCH_DELAY_MS);
  // Pages shown per organization, for the current search only (a new search starts at one page).
  const [pages, setPages] = useState<{ q: string; counts: Record<string, number> }>({ q: '', counts: {} });
  const counts = pages.q === q ? pages.counts : {};
  const orgs = connections.filter((c) => c.organization);
  const trees = useQueries({
    queries: orgs.map((c) => ({
      queryKey: ['orgs', c.id, 'summary'],
      queryFn: () => api.get(`/api/orgs/${enc(c.id)}`, OrgResponse),
    })),
  });
  const pageRequests = orgs.flatMap((c, i) =>
    trees[i]?.data?.organization
      ? Array.from({ length: counts[c.id] ?? 1 }, (_, page) => ({ connection: c, page }))
      : [],
  );
  const accountPages = useQueries({
    queries: pageRequests.map(({ connection, page }) => ({
      queryKey: ['orgs', connection.id, 'accounts', 'switcher', q, page],
      queryFn: () =>
        api.get(
          `/api/orgs/${enc(connection.id)}/accounts?limit=${SWITCHER_PAGE}&offset=${page * SWITCHER_PAGE}${q ? `&q=${enc(q)}` : ''}`,
          OrgAccountsResponse,
        ),
      placeholderData: keepPreviousData,
    })),
  });
  const units = new Map<string, string>();
  orgs.forEach((c, i) => {
    for (const u of trees[i]?.data?.organization?.units ?? []) units.set(`${c.id}:${u.id}`, u.path);
  });
  const currentLabel = useCurrentLabel(scope, connections, units);

  const choice = (s: Scope, label: string, detail?: string): ScopeChoice => ({
    kind: 'scope',
    key: scopeParam(s) ?? 'all',
    label,
    ...(detail ? { detail } : {}),
    scope: s,
  });
  const choices: ScopeChoice[] = [];
  if (matches(q, t('scope.all'))) choices.push(choice(ALL_ACCOUNTS, t('scope.all')));
  for (const c of connections.filter((c) => !c.organization && matches(q, c.name, c.accountId))) {
    choices.push(
      choice(
        { kind: 'account', connectionId: c.id, accountId: c.accountId },
        t('scope.account', { name: c.name, id: c.accountId }),
      ),
    );
  }
  orgs.forEach((c, i) => {
    const detail = t('scope.organization', { name: c.name });
    for (const u of trees[i]?.data?.organization?.units ?? []) {
      if (matches(q, u.path, u.name, u.id))
        choices.push(
          choice({ kind: 'ou', connectionId: c.id, ou: u.id }, t('scope.ou', { path: u.path }), detail),
        );
    }
    const loaded = pageRequests
      .map((request, index) => ({ request, data: accountPages[index]?.data }))
      .filter(({ request }) => request.connection.id === c.id);
    let shown = 0;
    let total = 0;
    for (const { data } of loaded) {
      for (const a of data?.accounts ?? []) {
        choices.push(
          choice(
            { kind: 'account', connectionId: c.id, accountId: a.id },
            t('scope.account', { name: a.name, id: a.id }),
            detail,
          ),
        );
      }
      shown += data?.accounts.length ?? 0;
      total = data?.total ?? total;
    }
    if (shown < total) {
      choices.push({
        kind: 'more',
        key: `more:${c.id}`,
        connectionId: c.id,
        label: t('scope.showMore', { name: c.name, shown, total }),
      });
    }
  });

  const showMore = (connectionId: string) =>
    setPages({ q, counts: { ...counts, [connectionId]: (counts[connectionId] ?? 1) + 1 } });
  const searching = text.trim() !== q || accountPages.some((p) => p.isFetching);
  return { choices, currentLabel, showMore, searching };
}
