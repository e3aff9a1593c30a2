import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ServiceId } from '../../../core/services';
import {
  FindingCountsResponse,
  ResourceFindingsResponse,
  ResourceSearchResponse,
} from '../../../shared/api/resources';
import { useApi } from '../../api/hooks';
import { useScope, withScopeParam } from '../../scope';

/** Query keys of what the resource pages read from advisor runs and search indexes. */
export const resourceFindingKeys = {
  search: (q: string) => ['resources', 'search', q] as const,
  findings: (collectionId: string, collector: string, resourceId: string, region: string) =>
    ['resources', 'findings', collectionId, collector, resourceId, region] as const,
  counts: (collectionId: string, service: ServiceId) =>
    ['resources', 'counts', collectionId, service] as const,
};

/** Search over the latest collections' resources and tags; nothing is asked for an empty query. */
export function useResourceSearch(q: string) {
  const api = useApi();
  const { scope, param } = useScope();
  const query = q.trim();
  return useQuery({
    queryKey: [...resourceFindingKeys.search(query), param ?? 'all'],
    queryFn: () =>
      api.get(
        withScopeParam(`/api/resources/search?${new URLSearchParams({ q: query }).toString()}`, scope),
        ResourceSearchResponse,
      ),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });
}

/** One resource's findings from the latest advisor runs of its account (mutes can change them). */
export function useResourceFindings(
  collectionId: string,
  collector: string,
  resourceId: string,
  region: string,
) {
  const api = useApi();
  const search = new URLSearchParams({ collectionId, collector, resourceId, region });
  return useQuery({
    queryKey: resourceFindingKeys.findings(collectionId, collector, resourceId, region),
    queryFn: () => api.get(`/api/resources/findings?${search.toString()}`, ResourceFindingsResponse),
  });
}

/** Open findings per resource of a service's checks, keyed `region|resourceId`. */
export function useFindingCounts(collectionId: string, service: ServiceId) {
  const api = useApi();
  return useQuery({
    queryKey: resourceFindingKeys.counts(collectionId, service),
    queryFn: async () => {
      const search = new URLSearchParams({ collectionId, service });
      const { counts } = await api.get(
        `/api/resources/finding-counts?${search.toString()}`,
        FindingCountsResponse,
      );
      return new Map(counts.map((c) => [`${c.region}|${c.resourceId}`, c]));
    },
    staleTime: 60_000,
  });
}
