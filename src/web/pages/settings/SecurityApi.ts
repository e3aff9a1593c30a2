import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AuditResponse } from '../../../shared/api/audit';
import { CreatedInviteResponse, InvitesResponse } from '../../../shared/api/auth';
import { useApi } from '../../api/hooks';

export const securityKeys = { audit: ['audit'] as const, invites: ['invites'] as const };

export function useAuditEvents() {
  const api = useApi();
  return useQuery({ queryKey: securityKeys.audit, queryFn: () => api.get('/api/audit', AuditResponse) });
}

export function useInvites(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: securityKeys.invites,
    queryFn: () => api.get('/api/invites', InvitesResponse),
    enabled,
  });
}

/** The answer carries the code (shown once): the card keeps it in its own state only. */
export function useCreateInvite() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/invites', {}, CreatedInviteResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.invites }),
  });
}
