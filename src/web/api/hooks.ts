import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, RegisterBody } from '../../shared/api/auth';
import { MeResponse, RegistrationResponse, UserResponse } from '../../shared/api/auth';
import { RegionsResponse } from '../../shared/api/collections';
import {
  ConnectionResponse,
  ConnectionsResponse,
  type CreateConnectionBody,
  IamPolicyResponse,
  RoleSetupResponse,
} from '../../shared/api/connections';
import type { ApiClient } from './client';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider>');
  return api;
}

export const queryKeys = {
  me: ['me'] as const,
  connections: ['connections'] as const,
  roleSetup: ['connections', 'role-setup'] as const,
  iamPolicy: ['iam-policy'] as const,
  /** Without a connection id: the user's default connection. */
  regions: (connectionId?: string) => ['regions', connectionId ?? ''] as const,
};

export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => api.get('/api/auth/me', MeResponse),
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof LoginBody>) => api.post('/api/auth/login', body, UserResponse),
    onSuccess: ({ user }) => {
      queryClient.clear(); // nothing of a previous user may linger in the cache
      queryClient.setQueryData(queryKeys.me, { user });
    },
  });
}

export function useRegister() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: z.input<typeof RegisterBody>) => api.post('/api/auth/register', body, UserResponse),
  });
}

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send('POST', '/api/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, { user: null });
    },
  });
}

export function useChangePassword() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordBody>) => api.send('POST', '/api/auth/password', body),
    // The change revoked every API token and added a security-log event.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' }),
  });
}

/** The server's sign-up rule: open, or invite-only (and whether an invite is needed yet). */
export function useRegistrationStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['registration'],
    queryFn: () => api.get('/api/auth/registration', RegistrationResponse),
    staleTime: 60_000,
  });
}

export function useConnections() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.connections,
    queryFn: () => api.get('/api/connections', ConnectionsResponse),
  });
}

export function useRoleSetup() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.roleSetup,
    queryFn: () => api.get('/api/connections/role-setup', RoleSetupResponse),
    staleTime: Number.POSITIVE_INFINITY, // the External ID is fixed per user
  });
}

export function useIamPolicy() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.iamPolicy,
    queryFn: () => api.get('/api/iam-policy', IamPolicyResponse),
    staleTime: 5 * 60_000,
  });
}

export function useCreateConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConnectionBody) => api.post('/api/connections', body, ConnectionResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

export function useSetDefaultConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.patch(`/api/connections/${encodeURIComponent(id)}`, { isDefault: true }, ConnectionResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

export function useDeleteConnection() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.send('DELETE', `/api/connections/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections }),
  });
}

/** The regions of a connection's account (its partition only), for the region picker. */
export function useRegions(connectionId?: string) {
  const api = useApi();
  const query = connectionId ? `?connectionId=${encodeURIComponent(connectionId)}` : '';
  return useQuery({
    queryKey: queryKeys.regions(connectionId),
    queryFn: () => api.get(`/api/regions${query}`, RegionsResponse),
    staleTime: 10 * 60_000,
  });
}
