import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../../core/services';
import {
  ChannelResponse,
  ChannelsResponse,
  type CreateChannelBody,
  DeliveriesResponse,
  DeliveryResponse,
  PreviewResponse,
  type RuleBody,
  RuleResponse,
  RulesResponse,
  type ScheduleBody,
  ScheduledRunsResponse,
  ScheduleResponse,
  SchedulesResponse,
} from '../../../shared/api/notify';
import { useApi } from '../../api/hooks';

/** Schedules, channels, rules and deliveries (Settings → Schedules / Notifications). */
export const watchKeys = {
  schedules: ['schedules'] as const,
  preview: (cron: string, timeZone: string) => ['schedules', 'preview', cron, timeZone] as const,
  runs: (id: string) => ['schedules', 'runs', id] as const,
  channels: ['notify', 'channels'] as const,
  rules: ['notify', 'rules'] as const,
  deliveries: ['notify', 'deliveries'] as const,
};

export function useSchedules() {
  const api = useApi();
  return useQuery({
    queryKey: watchKeys.schedules,
    queryFn: () => api.get('/api/schedules', SchedulesResponse),
  });
}

/** The schedule's own runs, newest first (each tick it claimed, with its advisor run or error). */
export function useScheduleRuns(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: watchKeys.runs(id),
    queryFn: () => api.get(`/api/schedules/${encodeURIComponent(id)}/runs`, ScheduledRunsResponse),
  });
}

export function useSchedulePreview(cron: string, timeZone: string) {
  const api = useApi();
  const query = new URLSearchParams({ cron, timeZone }).toString();
  return useQuery({
    queryKey: watchKeys.preview(cron, timeZone),
    queryFn: () => api.get(`/api/schedules/preview?${query}`, PreviewResponse),
    enabled: cron.trim().split(/\s+/).length === 5 && timeZone.length > 0,
    retry: false,
  });
}

function useInvalidating<A, R>(fn: (arg: A) => Promise<R>, key: readonly string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCreateSchedule() {
  const api = useApi();
  return useInvalidating(
    (body: ScheduleBody) => api.post('/api/schedules', body, ScheduleResponse),
    watchKeys.schedules,
  );
}

export function useUpdateSchedule() {
  const api = useApi();
  return useInvalidating(
    ({ id, body }: { id: string; body: ScheduleBody }) =>
      api.put(`/api/schedules/${encodeURIComponent(id)}`, body, ScheduleResponse),
    watchKeys.schedules,
  );
}

export function usePauseSchedule() {
  const api = useApi();
  return useInvalidating(
    ({ id, paused }: { id: string; paused: boolean }) =>
      api.post(`/api/schedules/${encodeURIComponent(id)}/pause`, { paused }, ScheduleResponse),
    watchKeys.schedules,
  );
}

export function useRemoveSchedule() {
  const api = useApi();
  return useInvalidating(
    (id: string) => api.send('DELETE', `/api/schedules/${encodeURIComponent(id)}`),
    watchKeys.schedules,
  );
}

export function useChannels() {
  const api = useApi();
  return useQuery({
    queryKey: watchKeys.channels,
    queryFn: () => api.get('/api/notify/channels', ChannelsResponse),
  });
}

export function useCreateChannel() {
  const api = useApi();
  return useInvalidating(
    (body: CreateChannelBody) => api.post('/api/notify/channels', body, ChannelResponse),
    watchKeys.channels,
  );
}

export function useRemoveChannel() {
  const api = useApi();
  return useInvalidating(
    (id: string) => api.send('DELETE', `/api/notify/channels/${encodeURIComponent(id)}`),
    watchKeys.channels,
  );
}

export function useTestChannel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, lang }: { id: string; lang: Lang }) =>
      api.post(`/api/notify/channels/${encodeURIComponent(id)}/test?lang=${lang}`, {}, DeliveryResponse),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: watchKeys.deliveries }),
        queryClient.invalidateQueries({ queryKey: watchKeys.channels }),
      ]),
  });
}

export function useRules() {
  const api = useApi();
  return useQuery({ queryKey: watchKeys.rules, queryFn: () => api.get('/api/notify/rules', RulesResponse) });
}

export function useCreateRule() {
  const api = useApi();
  return useInvalidating(
    (body: RuleBody) => api.post('/api/notify/rules', body, RuleResponse),
    watchKeys.rules,
  );
}

export function useUpdateRule() {
  const api = useApi();
  return useInvalidating(
    ({ id, body }: { id: string; body: RuleBody }) =>
      api.put(`/api/notify/rules/${encodeURIComponent(id)}`, body, RuleResponse),
    watchKeys.rules,
  );
}

export function useRemoveRule() {
  const api = useApi();
  return useInvalidating(
    (id: string) => api.send('DELETE', `/api/notify/rules/${encodeURIComponent(id)}`),
    watchKeys.rules,
  );
}

export function useDeliveries() {
  const api = useApi();
  return useQuery({
    queryKey: watchKeys.deliveries,
    queryFn: () => api.get('/api/notify/deliveries', DeliveriesResponse),
  });
}
