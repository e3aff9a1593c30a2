import type { ProgressEvent, RunCollection, RunCollectionResult } from '../core/collection-run.js';
import type { CollectionStatus } from '../core/snapshot.js';
import { FINAL_STATUSES } from '../shared/api/collections.js';
import type { ProgressHub } from './progress.js';
import type { CollectionStore } from './store.js';
import type { ResolveCredentials, StoredCollection } from './types.js';

export interface CollectionJobPayload {
  username: string;
  collectionId: string;
}

export interface CollectionJobDeps {
  store: CollectionStore;
  hub: ProgressHub;
  resolveCredentials: ResolveCredentials;
  runCollection: RunCollection;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export const isFinal = (status: CollectionStatus) => FINAL_STATUSES.includes(status);

/** Status of a finished run: every collector failing means the collection failed as a whole. */
export function statusOf(outcome: RunCollectionResult['outcome']): CollectionStatus {
  const outcomes = Object.values(outcome.results).flatMap((byRegion) => Object.values(byRegion ?? {}));
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  if (outcome.errors.length === 0) return 'completed';
  return ok === 0 ? 'failed' : 'completed_with_errors';
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/**
 * Runs one queued collection: queued → running, collect, write every {service}.json (create-only),
 * THEN the final metadata.json — so a reader never sees a finished collection with missing files.
 */
export function createCollectionJobHandler(deps: CollectionJobDeps) {
  const { store, hub } = deps;

  async function finalize(
    username: string,
    id: string,
    patch: Partial<StoredCollection> & { status: CollectionStatus },
  ): Promise<StoredCollection | null> {
    const finishedAt = deps.now();
    const written = await store.updateMetadata(username, id, (current) => {
      if (isFinal(current.status)) return null; // immutable once final
      const started = current.startedAt ? Date.parse(current.startedAt) : undefined;
      return {
        ...current,
        ...patch,
        finishedAt: finishedAt.toISOString(),
        ...(started === undefined ? {} : { durationMs: finishedAt.getTime() - started }),
      };
    });
    if (written) hub.finish(id, written);
    return written;
  }

  return async function runCollectionJob(payload: CollectionJobPayload, ctx: { signal: AbortSignal }) {
    const { username, collectionId: id } = payload;
    hub.begin(id, username, 'queued');
    const started = await store.updateMetadata(username, id, (current) =>
      current.status === 'queued'
        ? { ...current, status: 'running', startedAt: deps.now().toISOString() }
        : null,
    );
    if (started?.status !== 'running') {
      // Cancelled (or recovered) before the job started: nothing to run.
      if (started) hub.finish(id, started);
      return;
    }
    hub.setStatus(id, 'running');
    try {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const access = await deps.resolveCredentials(username, started.connectionId);
      const result = await deps.runCollection({
        credentials: access.credentials,
        accountId: access.accountId,
        request: {
          services: started.services,
          regions: started.requestedRegions ?? started.regions,
          ...(started.collectors ? { collectors: started.collectors } : {}),
        },
        ...(access.endpoint ? { endpoint: access.endpoint } : {}),
        signal: ctx.signal,
        onProgress: (event: ProgressEvent) => hub.update(id, event),
      });
      if (ctx.signal.aborted) {
        await finalize(username, id, {
          status: 'cancelled',
          failureReason: 'cancelled by the user',
          ...result.outcome,
        });
        return;
      }
      const collectedAt = deps.now().toISOString();
      for (const document of result.documents) {
        await store.createServiceDocument(username, { ...document, collectionId: id, collectedAt });
      }
      const status = statusOf(result.outcome);
      await finalize(username, id, {
        ...result.outcome,
        status,
        ...(status === 'failed' ? { failureReason: 'every collector failed' } : {}),
      });
      deps.log('info', 'collection finished', { collectionId: id, status });
    } catch (error) {
      if (ctx.signal.aborted) {
        await finalize(username, id, { status: 'cancelled', failureReason: 'cancelled by the user' });
        return;
      }
      deps.log('error', 'collection failed', { collectionId: id, error: errorMessage(error) });
      await finalize(username, id, { status: 'failed', failureReason: errorMessage(error) });
    }
  };
}
