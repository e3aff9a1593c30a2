import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceFrameworkId } from '../../../../core/compliance';
import { OrgAccountsResponse, OrgResponse } from '../../../../shared/api/orgs';
import { ScanResponse, ScansResponse, type StartScanBody } from '../../../../shared/api/scans';
import { useApi } from '../../../api/hooks';

/** How often a running scan is read again (its accounts finish one by one). */
export const SCAN_POLL_MS = 3_000;

export const scanKeys = {
  all: ['scans'] as const,
  list: (offset: number) => ['scans', 'list', offset] as const,
  scan: (scanId: string) => ['scans', 'one', scanId] as const,
  org: (connectionId: string) => ['orgs', connectionId] as const,
  accounts: (connectionId: string, query: string) => ['orgs', connectionId, 'accounts', query] as const,
};

const enc = encodeURIComponent;

export function useStartScan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartScanBody) => api.post('/api/scans', body, ScanResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scanKeys.all }),
  });
}

export function useScans(offset: number, limit: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...scanKeys.list(offset), limit],
    queryFn: () => api.get(`/api/scans?offset=${offset}&limit=${limit}`, ScansResponse),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.scans.some((s) => s.status === 'running') ? SCAN_POLL_MS : false,
  });
}

export function useScan(scanId: string) {
  const api = useApi();
  return useQuery({
    queryKey: scanKeys.scan(scanId),
    queryFn: () => api.get(`/api/scans/${enc(scanId)}`, ScanResponse),
    refetchInterval: (query) => (query.state.data?.scan.status === 'running' ? SCAN_POLL_MS : false),
  });
}

export function useCancelScan(scanId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/scans/${enc(scanId)}/cancel`, {}, ScanResponse),
    onSuccess: (data) => queryClient.setQueryData(scanKeys.scan(scanId), data),
  });
}

/** The organization's OU tree (GET /api/orgs/:connectionId; null before the first refresh). */
export function useOrganization(connectionId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: scanKeys.org(connectionId ?? ''),
    queryFn: () => api.get(`/api/orgs/${enc(connectionId ?? '')}`, OrgResponse),
    enabled: Boolean(connectionId),
  });
}

/** One page of the organization's ACTIVE accounts matching `q` (never the whole list). */
export function useOrgAccountSearch(connectionId: string | undefined, q: string, limit = 20) {
  const api = useApi();
  const params = new URLSearchParams({ status: 'ACTIVE', limit: String(limit) });
  if (q.trim()) params.set('q', q.trim());
  const query = params.toString();
  return useQuery({
    queryKey: scanKeys.accounts(connectionId ?? '', query),
    queryFn: () => api.get(`/api/orgs/${enc(connectionId ?? '')}/accounts?${query}`, OrgAccountsResponse),
    enabled: Boolean(connectionId),
    placeholderData: keepPreviousData,
  });
}

/** The organization-wide report of a finished scan (the browser's time zone for dates). */
export function scanReportUrl(
  scanId: string,
  options: {
    format: 'pdf' | 'csv' | 'json';
    lang: 'ko' | 'en';
    /** One framework's roll-up (PDF section, or the CSV of its controls); absent: every framework in the PDF. */
    compliance?: ComplianceFrameworkId;
    /** One account's own report of the scan instead of the organization's. */
    account?: string;
  },
): string {
  const params = new URLSearchParams({ format: options.format, lang: options.lang });
  if (options.compliance) params.set('compliance', options.compliance);
  if (options.account) params.set('account', options.account);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz) params.set('tz', tz);
  return `/api/scans/${enc(scanId)}/report?${params.toString()}`;
}
