import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import {
  type CollectionMetadataDto,
  CollectionResponse,
  type CollectionStatus,
  ProgressEntry,
  ProgressSnapshot,
  ProgressStatusEvent,
} from '../../../shared/api/collections';
import { resourceKeys } from './api';

export interface ProgressStreamState {
  entries: ProgressEntry[];
  status: CollectionStatus | null;
  /** False while the browser re-establishes a dropped stream. */
  connected: boolean;
  /** The final metadata from the `done` event. */
  finished: CollectionMetadataDto | null;
}

const entryKey = (e: ProgressEntry) => `${e.collector}|${e.region}`;

function parse<T>(schema: z.ZodType<T>, data: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Follows GET /api/collections/:id/progress. The server sends the full `snapshot` first on every
 * (re)connect, so reloading the page or a dropped connection resumes from the whole picture;
 * EventSource reconnects by itself. Closed on `done` so the browser does not reconnect to a
 * finished stream.
 */
export function useProgressStream(id: string, enabled: boolean): ProgressStreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ProgressStreamState>({
    entries: [],
    status: null,
    connected: false,
    finished: null,
  });

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/collections/${encodeURIComponent(id)}/progress`);
    const order = new Map<string, ProgressEntry>();
    const publish = (patch: Partial<ProgressStreamState>) =>
      setState((prev) => ({ ...prev, entries: [...order.values()], ...patch }));

    source.addEventListener('open', () => publish({ connected: true }));
    source.addEventListener('snapshot', (event) => {
      const snapshot = parse(ProgressSnapshot, (event as MessageEvent<string>).data);
      if (!snapshot) return;
      order.clear();
      for (const entry of snapshot.entries) order.set(entryKey(entry), entry);
      publish({ status: snapshot.status, connected: true });
    });
    source.addEventListener('progress', (event) => {
      const entry = parse(ProgressEntry, (event as MessageEvent<string>).data);
      if (!entry) return;
      order.set(entryKey(entry), entry);
      publish({});
    });
    source.addEventListener('status', (event) => {
      const status = parse(ProgressStatusEvent, (event as MessageEvent<string>).data);
      if (status) publish({ status: status.status });
    });
    source.addEventListener('done', (event) => {
      source.close();
      const done = parse(CollectionResponse, (event as MessageEvent<string>).data);
      if (done) {
        queryClient.setQueryData(resourceKeys.one(id), done.collection);
        publish({ status: done.collection.status, finished: done.collection });
      }
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (signed out, deleted): let the page re-read the metadata.
        void queryClient.invalidateQueries({ queryKey: resourceKeys.one(id) });
      }
      publish({ connected: false });
    });
    return () => source.close();
  }, [id, enabled, queryClient]);

  return state;
}
