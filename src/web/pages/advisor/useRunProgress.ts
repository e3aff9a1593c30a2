import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  AdvisorCollectionEvent,
  AdvisorRunResponse,
  type AdvisorRunStatus,
  AdvisorStatusEvent,
} from '../../../shared/api/advisor';
import type { ProgressEntry } from '../../../shared/api/collections';
import { advisorKeys } from './api';

export interface RunProgressState {
  status: AdvisorRunStatus | null;
  /** Collector × region cells of the run's own collection (empty when a collection is reused). */
  entries: ProgressEntry[];
  /** True while the stream is down and the browser retries. */
  reconnecting: boolean;
}

const parse = (data: unknown): unknown => {
  try {
    return typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    return null;
  }
};

/**
 * Follows GET /api/advisor/runs/:runId/progress (SSE) while `active`. On `done` the run's queries
 * are refetched so the page shows the results. EventSource reconnects by itself; the server sends a
 * fresh `snapshot` after every reconnect, so nothing is lost.
 */
export function useRunProgress(runId: string | undefined, active: boolean): RunProgressState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunProgressState>({ status: null, entries: [], reconnecting: false });

  useEffect(() => {
    if (!runId || !active) return;
    setState({ status: null, entries: [], reconnecting: false });
    const source = new EventSource(`/api/advisor/runs/${encodeURIComponent(runId)}/progress`);
    const finish = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: advisorKeys.all });
      void queryClient.invalidateQueries({ queryKey: advisorKeys.collections });
    };
    source.addEventListener('snapshot', (event) => {
      const parsed = AdvisorRunResponse.safeParse(parse(event.data));
      if (parsed.success) setState((s) => ({ ...s, status: parsed.data.run.status, reconnecting: false }));
    });
    source.addEventListener('status', (event) => {
      const parsed = AdvisorStatusEvent.safeParse(parse(event.data));
      if (parsed.success) setState((s) => ({ ...s, status: parsed.data.status }));
    });
    source.addEventListener('collection', (event) => {
      const parsed = AdvisorCollectionEvent.safeParse(parse(event.data));
      if (!parsed.success) return;
      const entry = parsed.data;
      setState((s) => ({
        ...s,
        entries: [
          ...s.entries.filter((e) => !(e.collector === entry.collector && e.region === entry.region)),
          entry,
        ],
      }));
    });
    source.addEventListener('done', (event) => {
      const parsed = AdvisorRunResponse.safeParse(parse(event.data));
      if (parsed.success) setState((s) => ({ ...s, status: parsed.data.run.status }));
      finish();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) return;
      setState((s) => ({ ...s, reconnecting: true }));
    };
    source.onopen = () => setState((s) => ({ ...s, reconnecting: false }));
    return () => source.close();
  }, [runId, active, queryClient]);

  return state;
}
