import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceId } from '../../../core/services';
import {
  CollectionResponse,
  CollectionsResponse,
  type CollectorIdSchema,
  DiffResponse,
  FINAL_STATUSES,
  ResourceResponse,
  ServiceRecordsResponse,
  type StartCollectionBody,
} from '../../../shared/api/collections';
import { useApi } from '../../api/hooks';
import { useScope, withScopeParam } from '../../scope';

type CollectorId = (typeof CollectorIdSchema)['options'][number];

/** Query keys of the Resources pages; `collections` prefixes all so one invalidation refreshes them. */
export const resourceKeys = {
  all: ['collections'] as const,
  list: ['collections', 'list'] as const,
  one: (id: string) => ['collections', 'one', id] as const,
  records: (id: string, params: RecordsParams) => ['collections', 'records', id, params] as const,
  resource: (id: string, collector: string, resourceId: string, region?: string) =>
    ['collections', 'resource', id, collector, resourceId, region ?? ''] as const,
  diff: (from: string, to: string) => ['collections', 'diff', from, to] as const,
};

const enc = encodeURIComponent;

/** The collections of the page's account scope. */
export function useCollections() {
  const api = useApi();
  const { scope, param } = useScope();
  return useQuery({
    queryKey: [...resourceKeys.list, param ?? 'all'],
    queryFn: () => api.get(withScopeParam('/api/collections', scope), CollectionsResponse),
    // While a collection runs, its row (status, counts) follows without a reload.
    refetchInterval: (query) =>
      query.state.data?.collections.some((c) => !FINAL_STATUSES.includes(c.status)) ? 3000 : false,
  });
}

export function useCollection(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: resourceKeys.one(id),
    queryFn: async () => (await api.get(`/api/collections/${enc(id)}`, CollectionResponse)).collection,
  });
}

export function useStartCollection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StartCollectionBody) =>
      (await api.post('/api/collections', body, CollectionResponse)).collection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.list }),
  });
}

export function useCancelCollection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await api.post(`/api/collections/${enc(id)}/cancel`, {}, CollectionResponse)).collection,
    onSuccess: (collection) => {
      queryClient.setQueryData(resourceKeys.one(collection.id), collection);
      return queryClient.invalidateQueries({ queryKey: resourceKeys.list });
    },
  });
}

export function useDeleteCollection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.send('DELETE', `/api/collections/${enc(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.list }),
  });
}

export interface RecordsParams {
  service: ServiceId;
  collector?: CollectorId;
  q: string;
  sort?: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function recordsQueryString(params: RecordsParams): string {
  const search = new URLSearchParams();
  if (params.collector) search.set('collector', params.collector);
  if (params.q.trim()) search.set('q', params.q.trim());
  if (params.sort) search.set('sort', params.sort);
  search.set('order', params.order);
  search.set('offset', String(params.offset));
  search.set('limit', String(params.limit));
  return search.toString();
}

/** One page of a service's records; the previous page stays on screen while the next one loads. */
export function useServiceRecords(id: string, params: RecordsParams) {
  const api = useApi();
  return useQuery({
    queryKey: resourceKeys.records(id, params),
    queryFn: () =>
      api.get(
        `/api/collections/${enc(id)}/services/${enc(params.service)}?${recordsQueryString(params)}`,
        ServiceRecordsResponse,
      ),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY, // a finished snapshot never changes
  });
}

export function useResource(id: string, collector: string, resourceId: string, region?: string) {
  const api = useApi();
  const query = region ? `?region=${enc(region)}` : '';
  return useQuery({
    queryKey: resourceKeys.resource(id, collector, resourceId, region),
    queryFn: () =>
      api.get(
        `/api/collections/${enc(id)}/resources/${enc(collector)}/${enc(resourceId)}${query}`,
        ResourceResponse,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDiff(from: string, to: string) {
  const api = useApi();
  return useQuery({
    queryKey: resourceKeys.diff(from, to),
    queryFn: () => api.get(`/api/collections/diff?from=${enc(from)}&to=${enc(to)}`, DiffResponse),
    enabled: Boolean(from && to),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Download links of the inventory export route (src/server/routes/reports.ts). */
export function exportUrl(id: string, format: 'csv' | 'json', service?: ServiceId): string {
  const search = new URLSearchParams({ format });
  if (service) search.set('service', service);
  return `/api/collections/${enc(id)}/export?${search.toString()}`;
}
