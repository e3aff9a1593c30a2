import type { ProgressEvent, RunCollection } from '../core/collection-run.js';
import type { CollectionStatus } from '../core/snapshot.js';
import { PreconditionFailedError } from '../core/storage.js';
import type { JobContext } from '../jobs/queue.js';
import { CANCELLED_BY_USER, collectAccount } from '../pipeline/collect.js';
import { FINAL_STATUSES } from '../shared/api/collections.js';
import type { ProgressHub } from './progress.js';
import { SearchIndexBuilder, writeSearchIndex } from './search-index.js';
import type { CollectionStore } from './store.js';
import type { ResolveCredentials, StoredCollection } from './types.js';
import { UnsavedFinals } from './unsaved.js';

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
  /** Where final states that storage refused are kept for readers (the service overlays them). */
  unsaved?: UnsavedFinals;
  /** Waits between attempts of the final metadata write (tests shorten them). */
  finalWriteRetryDelaysMs?: readonly number[];
}

/** A storage hiccup at the very end should not lose a finished collection: 4 attempts over ~3 s. */
export const FINAL_WRITE_RETRY_DELAYS_MS: readonly number[] = [200, 800, 2000];

export const isFinal = (status: CollectionStatus) => FINAL_STATUSES.includes(status);

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

  const unsaved = deps.unsaved ?? new UnsavedFinals();
  const delays = deps.finalWriteRetryDelaysMs ?? FINAL_WRITE_RETRY_DELAYS_MS;

  /**
   * Writes the final state (immutable once final), retrying storage failures. When storage keeps
   * refusing, the collection is remembered as failed in memory — never left "running" — and
   * finalize does not throw, so the job ends either way.
   */
  async function finalize(
    base: StoredCollection,
    patch: Partial<StoredCollection> & { status: CollectionStatus },
  ): Promise<void> {
    const { username, id } = base;
    const finishedAt = deps.now();
    const started = base.startedAt ? Date.parse(base.startedAt) : undefined;
    const timing = {
      finishedAt: finishedAt.toISOString(),
      ...(started === undefined ? {} : { durationMs: finishedAt.getTime() - started }),
    };
    let lastError: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        const written = await store.updateMetadata(username, id, (current) =>
          isFinal(current.status) ? null : { ...current, ...patch, ...timing },
        );
        if (written) hub.finish(id, written);
        return;
      } catch (error) {
        lastError = error;
        deps.log('warn', 'could not save the final collection state', {
          collectionId: id,
          attempt: attempt + 1,
          error: errorMessage(error),
        });
      }
      const delay = delays[attempt];
      if (delay === undefined) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const failed: StoredCollection = {
      ...base,
      ...patch,
      ...timing,
      status: 'failed',
      failureReason: `The final state (${patch.status}) could not be saved: ${errorMessage(lastError)}`.slice(
        0,
        500,
      ),
    };
    unsaved.remember(failed);
    hub.finish(id, failed);
    deps.log('error', 'collection final state kept in memory only', {
      collectionId: id,
      status: patch.status,
    });
  }

  /**
   * The search index is derived data: when it cannot be written the collection still completes
   * and the search builds the index the first time it needs it.
   */
  async function writeIndex(collection: StoredCollection, builder: SearchIndexBuilder): Promise<void> {
    const { username, id } = collection;
    await writeSearchIndex(
      store.documents,
      { username, collectionId: id, services: collection.services },
      builder,
      (service) => store.getServiceDocument(username, id, service),
    ).catch((error: unknown) =>
      deps.log('warn', 'could not write the search index', { collectionId: id, error: errorMessage(error) }),
    );
  }

  return async function runCollectionJob(payload: CollectionJobPayload, ctx: JobContext) {
    const { username, collectionId: id } = payload;
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
    const searchIndex = new SearchIndexBuilder();
    try {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const access = await deps.resolveCredentials(username, started.connectionId);
      const collected = await collectAccount(deps.runCollection, {
        access,
        request: {
          services: started.services,
          regions: started.requestedRegions ?? started.regions,
          ...(started.collectors ? { collectors: started.collectors } : {}),
        },
        signal: ctx.signal,
        onProgress: (event: ProgressEvent) => hub.update(id, event),
        // Each service's document is written (create-only) as soon as it is complete, so the
        // runner never holds the whole collection; a cancelled run writes no more of them.
        onServiceDocument: async (document) => {
          if (ctx.signal.aborted) return;
          const collectedAt = deps.now().toISOString();
          await store.createServiceDocument(username, { ...document, collectionId: id, collectedAt });
          searchIndex.add(document);
        },
      });
      const { status, failureReason } = collected;
      if (status === 'cancelled') {
        await finalize(started, {
          ...collected.outcome,
          status,
          ...(failureReason ? { failureReason } : {}),
        });
        return;
      }
      const collectedAt = deps.now().toISOString();
      for (const document of collected.documents) {
        await store
          .createServiceDocument(username, { ...document, collectionId: id, collectedAt })
          .catch((error: unknown) => {
            // Re-run after a worker died between its writes: the first complete write stands
            // (create-only, so exactly one document per service), the rest are written now.
            if (!(ctx.redelivered && error instanceof PreconditionFailedError)) throw error;
          });
        searchIndex.add(document);
      }
      if (status !== 'failed') await writeIndex(started, searchIndex);
      await finalize(started, { ...collected.outcome, status, ...(failureReason ? { failureReason } : {}) });
      deps.log('info', 'collection finished', { collectionId: id, status });
    } catch (error) {
      if (ctx.signal.aborted) {
        await finalize(started, { status: 'cancelled', failureReason: CANCELLED_BY_USER });
        return;
      }
      deps.log('error', 'collection failed', { collectionId: id, error: errorMessage(error) });
      await finalize(started, { status: 'failed', failureReason: errorMessage(error) });
    }
  };
}
