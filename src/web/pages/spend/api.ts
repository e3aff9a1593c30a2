import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SpendResponse } from '../../../shared/api/spend';
import { useApi } from '../../api/hooks';

export interface SpendSelection {
  connectionId: string;
  groupBy: 'service' | 'tag';
  tagKey: string;
}

const spendKey = (s: SpendSelection) => ['spend', s.connectionId, s.groupBy, s.tagKey] as const;

/** `?groupBy=…&tagKey=…` for the figures and the CSV link. */
export function spendQueryString(s: SpendSelection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    groupBy: s.groupBy,
    ...(s.groupBy === 'tag' ? { tagKey: s.tagKey } : {}),
    ...extra,
  });
  return params.toString();
}

/**
 * The day's figures (the server asks Cost Explorer only when it has none for today). Never
 * refetched on focus or on an interval: the server would answer from its cache anyway.
 */
export function useSpend(selection: SpendSelection | null) {
  const api = useApi();
  return useQuery({
    queryKey: selection ? spendKey(selection) : ['spend', 'none'],
    enabled: selection !== null && (selection.groupBy === 'service' || selection.tagKey !== ''),
    queryFn: () =>
      api.get(
        `/api/spend/${encodeURIComponent(selection?.connectionId ?? '')}?${selection ? spendQueryString(selection) : ''}`,
        SpendResponse,
      ),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useRefreshSpend(selection: SpendSelection | null) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post(
        `/api/spend/${encodeURIComponent(selection?.connectionId ?? '')}/refresh`,
        {
          groupBy: selection?.groupBy,
          ...(selection?.groupBy === 'tag' ? { tagKey: selection.tagKey } : {}),
        },
        SpendResponse,
      ),
    onSuccess: (data) => {
      if (selection) client.setQueryData(spendKey(selection), data);
    },
  });
}
