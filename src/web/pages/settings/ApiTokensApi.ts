import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreatedTokenResponse, type CreateTokenBody, TokensResponse } from '../../../shared/api/tokens';
import { useApi } from '../../api/hooks';

export const tokenKeys = { all: ['api-tokens'] as const };

export function useApiTokens() {
  const api = useApi();
  return useQuery({ queryKey: tokenKeys.all, queryFn: () => api.get('/api/tokens', TokensResponse) });
}

/**
 * The answer carries the secret: callers take it with mutateAsync and `reset()` the mutation at
 * once, so the secret lives only in the component that shows it, not in react-query's cache.
 */
export function useCreateApiToken() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => api.post('/api/tokens', body, CreatedTokenResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.send('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
