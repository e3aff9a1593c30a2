import { useQueries, useQuery } from '@tanstack/react-query';
import { CollectionResponse } from '../../../shared/api/collections';
import { DashboardResponse } from '../../../shared/api/dashboard';
import { useApi } from '../../api/hooks';
import { useScope, withScopeParam } from '../../scope';
import { advisorKeys } from '../advisor/api';

/** Under `advisor` so muting or unmuting (which invalidates advisorKeys.all) refreshes it too. */
export const dashboardKey = [...advisorKeys.all, 'dashboard'] as const;

/** The advisor figures merged per service (GET /api/dashboard). */
export function useDashboard() {
  const api = useApi();
  const { scope, param } = useScope();
  return useQuery({
    queryKey: [...dashboardKey, param ?? 'all'],
    queryFn: () => api.get(withScopeParam('/api/dashboard', scope), DashboardResponse),
  });
}

/** Several collections' details at once (the ≤5 that the per-service resource figures come from). */
export function useCollectionDetails(ids: readonly string[]) {
  const api = useApi();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: advisorKeys.collection(id),
      queryFn: () => api.get(`/api/collections/${encodeURIComponent(id)}`, CollectionResponse),
    })),
  });
}
