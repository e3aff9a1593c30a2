import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConnectionResponse } from '../../../shared/api/connections';
import {
  OrgAccountResponse,
  type OrgAccountsQuery,
  OrgAccountsResponse,
  type OrganizationSettings,
  OrgResponse,
} from '../../../shared/api/orgs';
import { queryKeys, useApi } from '../../api/hooks';

type AccountsFilter = Partial<Omit<OrgAccountsQuery, 'offset' | 'limit'>> & { offset: number; limit: number };
type OrganizationPatch = { id: string; organization: OrganizationSettings | null };

/** Organization connections: summary, paged accounts, refresh and member-role re-checks. */
export const orgKeys = {
  all: (connectionId: string) => ['orgs', connectionId] as const,
  summary: (connectionId: string) => ['orgs', connectionId, 'summary'] as const,
  accounts: (connectionId: string, filter: AccountsFilter) =>
    ['orgs', connectionId, 'accounts', filter] as const,
};

const base = (connectionId: string) => `/api/orgs/${encodeURIComponent(connectionId)}`;

/** While a refresh runs, the summary is polled; when it ends, the account list is read again. */
export const REFRESH_POLL_MS = 1_000;

export function useOrgSummary(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: orgKeys.summary(connectionId),
    queryFn: async () => {
      const before = queryClient.getQueryData<OrgResponse>(orgKeys.summary(connectionId));
      const next = await api.get(base(connectionId), OrgResponse);
      if (before?.refresh?.state === 'running' && next.refresh?.state !== 'running')
        void queryClient.invalidateQueries({ queryKey: [...orgKeys.all(connectionId), 'accounts'] });
      return next;
    },
    refetchInterval: (query) => (query.state.data?.refresh?.state === 'running' ? REFRESH_POLL_MS : false),
  });
}

/** One page of accounts; the previous page stays on screen while the next one loads. */
export function useOrgAccounts(connectionId: string, filter: AccountsFilter, enabled: boolean) {
  const api = useApi();
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return useQuery({
    queryKey: orgKeys.accounts(connectionId, filter),
    queryFn: () => api.get(`${base(connectionId)}/accounts?${params}`, OrgAccountsResponse),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRefreshOrg(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${base(connectionId)}/refresh`, {}, OrgResponse),
    // 202 with the refresh running: the summary query polls from here until it is done.
    onSuccess: (data) => queryClient.setQueryData(orgKeys.summary(connectionId), data),
  });
}

export function useVerifyOrgAccount(connectionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      api.post(
        `${base(connectionId)}/accounts/${encodeURIComponent(accountId)}/verify`,
        {},
        OrgAccountResponse,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all(connectionId) }),
  });
}

/** PATCH a connection's organization settings; null makes it a single account again. */
export function useUpdateOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, organization }: OrganizationPatch) =>
      api.patch(`/api/connections/${encodeURIComponent(id)}`, { organization }, ConnectionResponse),
    onSuccess: (_data, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
        queryClient.invalidateQueries({ queryKey: orgKeys.all(id) }),
      ]),
  });
}
