import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  AdvisorRunDetailResponse,
  AdvisorRunResponse,
  AdvisorRunsResponse,
  ChecksResponse,
  CompareResponse,
  type CreateMuteBody,
  type FindingFilter,
  FindingGroupsResponse,
  type FindingPageQuery,
  FindingPageResponse,
  MuteResponse,
  MutesResponse,
  type PutSettingsBody,
  type StartAdvisorRunBody,
} from '../../../shared/api/advisor';
import { CollectionResponse, CollectionsResponse } from '../../../shared/api/collections';
import { useApi } from '../../api/hooks';
import { useScope, withScopeParam } from '../../scope';

/** Query keys of the advisor and the data the dashboard reads; `advisor` invalidates them all. */
export const advisorKeys = {
  all: ['advisor'] as const,
  runs: ['advisor', 'runs'] as const,
  run: (runId: string) => ['advisor', 'run', runId] as const,
  summary: (runId: string) => ['advisor', 'summary', runId] as const,
  groups: (runId: string, query: string) => ['advisor', 'groups', runId, query] as const,
  findings: (runId: string, query: string) => ['advisor', 'findings', runId, query] as const,
  checks: ['advisor', 'checks'] as const,
  mutes: ['advisor', 'mutes'] as const,
  compare: (from: string, to: string) => ['advisor', 'compare', from, to] as const,
  collections: ['collections'] as const,
  collection: (id: string) => ['collections', id] as const,
};

const enc = encodeURIComponent;

/** The run history of the page's account scope. */
export function useAdvisorRuns(limit = 50) {
  const api = useApi();
  const { scope, param } = useScope();
  return useQuery({
    queryKey: [...advisorKeys.runs, limit, param ?? 'all'],
    queryFn: () => api.get(withScopeParam(`/api/advisor/runs?limit=${limit}`, scope), AdvisorRunsResponse),
  });
}

export function useAdvisorRun(runId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.run(runId ?? ''),
    queryFn: () => api.get(`/api/advisor/runs/${enc(runId ?? '')}`, AdvisorRunDetailResponse),
    enabled: Boolean(runId),
  });
}

/** The run's summary without its findings (they come grouped and paged, below). */
export function useRunSummary(runId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.summary(runId ?? ''),
    queryFn: () => api.get(`/api/advisor/runs/${enc(runId ?? '')}/summary`, AdvisorRunResponse),
    enabled: Boolean(runId),
  });
}

/** The query string of a filter (defaults left out, so equal filters share one cache entry). */
export function findingQueryString(query: Partial<FindingPageQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  params.sort();
  return params.toString();
}

function findingGroupsQuery(api: ReturnType<typeof useApi>, runId: string, query: string) {
  return {
    queryKey: advisorKeys.groups(runId, query),
    queryFn: () => api.get(`/api/advisor/runs/${enc(runId)}/groups?${query}`, FindingGroupsResponse),
  };
}

/** One row per check; the previous rows stay on screen while a new filter loads. */
export function useFindingGroups(runId: string, filter: FindingFilter) {
  const api = useApi();
  const query = findingQueryString(filter);
  return useQuery({ ...findingGroupsQuery(api, runId, query), placeholderData: keepPreviousData });
}

/**
 * Asks for the run's groups at once, beside its summary, instead of after it (the results page
 * would otherwise wait for two requests in a row on its first render).
 */
export function usePrefetchFindingGroups(runId: string | undefined, filter: FindingFilter) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = findingQueryString(filter);
  useEffect(() => {
    if (runId) void queryClient.prefetchQuery(findingGroupsQuery(api, runId, query));
  }, [api, queryClient, runId, query]);
}

/** A page of the filter's findings (of one check when `query.check` is set). */
export function useFindingPage(runId: string, query: Partial<FindingPageQuery>) {
  const api = useApi();
  const qs = findingQueryString(query);
  return useQuery({
    queryKey: advisorKeys.findings(runId, qs),
    queryFn: () => api.get(`/api/advisor/runs/${enc(runId)}/findings?${qs}`, FindingPageResponse),
    placeholderData: keepPreviousData,
  });
}

export function useStartRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartAdvisorRunBody) => api.post('/api/advisor/runs', body, AdvisorRunResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: advisorKeys.runs }),
  });
}

/** Cancels a queued or running run; the answer is the run afterwards (normally `cancelled`). */
export function useCancelRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (runId: string) =>
      (await api.post(`/api/advisor/runs/${enc(runId)}/cancel`, {}, AdvisorRunResponse)).run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: advisorKeys.all }),
        queryClient.invalidateQueries({ queryKey: advisorKeys.collections }),
      ]),
  });
}

export function useChecks() {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.checks,
    queryFn: () => api.get('/api/advisor/settings', ChecksResponse),
    staleTime: 5 * 60_000,
  });
}

export function usePutSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutSettingsBody) => api.put('/api/advisor/settings', body, ChecksResponse),
    onSuccess: (data) => queryClient.setQueryData(advisorKeys.checks, data),
  });
}

export function useMutes() {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.mutes,
    queryFn: () => api.get('/api/advisor/mutes', MutesResponse),
  });
}

/** Mutes change every run's findings and scores: refetch all advisor data afterwards. */
export function useCreateMute() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMuteBody) => api.post('/api/advisor/mutes', body, MuteResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: advisorKeys.all }),
  });
}

export function useDeleteMute() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => api.send('DELETE', `/api/advisor/mutes/${enc(ruleId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: advisorKeys.all }),
  });
}

export function useCompare(from: string | undefined, to: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.compare(from ?? '', to ?? ''),
    queryFn: () =>
      api.get(`/api/advisor/compare?from=${enc(from ?? '')}&to=${enc(to ?? '')}`, CompareResponse),
    enabled: Boolean(from && to && from !== to),
  });
}

/** The collection history of the page's account scope. */
export function useCollectionList() {
  const api = useApi();
  const { scope, param } = useScope();
  return useQuery({
    queryKey: [...advisorKeys.collections, 'list', param ?? 'all'],
    queryFn: () => api.get(withScopeParam('/api/collections', scope), CollectionsResponse),
  });
}

export function useCollection(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: advisorKeys.collection(id ?? ''),
    queryFn: () => api.get(`/api/collections/${enc(id ?? '')}`, CollectionResponse),
    enabled: Boolean(id),
  });
}

/** The report download address; `tz` makes dates in the file match the viewer's clock. */
export function reportUrl(
  runId: string,
  options: { format: 'pdf' | 'csv' | 'json'; lang: 'ko' | 'en'; service?: string },
): string {
  const params = new URLSearchParams({ format: options.format, lang: options.lang });
  if (options.service) params.set('service', options.service);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz) params.set('tz', tz);
  return `/api/advisor/runs/${enc(runId)}/report?${params.toString()}`;
}
