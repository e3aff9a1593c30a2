import type { CollectionStatus } from '../core/snapshot.js';
import { FanOutError, type JobContext } from '../jobs/queue.js';
import { CANCELLED_BY_USER } from '../pipeline/collect.js';
import { FINAL_STATUSES } from '../shared/api/collections.js';
import { mergeOutcomes, readOutcomes, writeServiceDocuments } from './merge-units.js';
import type { ProgressHub } from './progress.js';
import { SearchIndexBuilder, writeSearchIndex } from './search-index.js';
import type { CollectionStore } from './store.js';
import { type Logger, type StoredCollection, withFields } from './types.js';
import type { CollectionPlan, CollectionUnits } from './units.js';
import { UnsavedFinals } from './unsaved.js';

export interface CollectionJobPayload {
  username: string;
  collectionId: string;
}

export interface CollectionJobDeps {
  store: CollectionStore;
  hub: ProgressHub;
  /** Plans the units and runs each one (src/collections/units.ts). */
  units: CollectionUnits;
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
    log: Logger,
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
        log('warn', 'could not save the final collection state', {
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
    log('error', 'collection final state kept in memory only', {
      collectionId: id,
      status: patch.status,
    });
  }

  /**
   * The search index is derived data: when it cannot be written the collection still completes
   * and the search builds the index the first time it needs it.
   */
  async function writeIndex(
    collection: StoredCollection,
    builder: SearchIndexBuilder,
    log: Logger,
  ): Promise<void> {
    const { username, id } = collection;
    await writeSearchIndex(
      store.documents,
      { username, collectionId: id, services: collection.services },
      builder,
      (service) => store.getServiceDocument(username, id, service),
    ).catch((error: unknown) =>
      log('warn', 'could not write the search index', { collectionId: id, error: errorMessage(error) }),
    );
  }

  /**
   * The parent of a collection's units: queued → running, plan the units, run them as child jobs
   * (in any worker), merge their outcomes and records into one document per service, THEN write
   * the final metadata.json — a reader never sees a finished collection with missing files.
   * On BullMQ this handler runs again from the top once the units are done: each step before
   * fanOut reads what the first pass decided instead of deciding again.
   */
  return async function runCollectionJob(payload: CollectionJobPayload, ctx: JobContext) {
    const { username, collectionId: id } = payload;
    // Every line of this job carries its id and user (a pino child logger underneath).
    const log = withFields(deps.log, { jobId: id, user: username });
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
    const fail = async (error: unknown) => {
      if (ctx.signal.aborted) {
        await finalize(started, { status: 'cancelled', failureReason: CANCELLED_BY_USER }, log);
        return;
      }
      log('error', 'collection failed', { collectionId: id, error: errorMessage(error) });
      await finalize(started, { status: 'failed', failureReason: errorMessage(error) }, log);
    };
    let plan: CollectionPlan;
    try {
      if (ctx.signal.aborted && !ctx.redelivered) throw ctx.signal.reason;
      plan = await deps.units.plan(started);
    } catch (error) {
      await fail(error);
      return;
    }
    try {
      // On BullMQ this suspends the job (by throwing) until every unit is done: let that through.
      await ctx.fanOut(deps.units.children(started, plan));
    } catch (error) {
      if (!(error instanceof FanOutError)) throw error;
      // No unit was queued, so none will run: failed now (never left running), no work documents.
      await fail(error);
      await store.deleteUnits(username, id).catch(() => {});
      return;
    }
    try {
      const merged = mergeOutcomes(started, plan, await readOutcomes(store, started, plan));
      const status = ctx.signal.aborted ? 'cancelled' : merged.status;
      const searchIndex = new SearchIndexBuilder();
      await writeServiceDocuments(store, started, plan, {
        collectedAt: deps.now().toISOString(),
        completeOnly: status === 'cancelled',
        onWritten: (document) => searchIndex.add(document),
      });
      if (status !== 'failed' && status !== 'cancelled') await writeIndex(started, searchIndex, log);
      const failureReason = status === 'cancelled' ? CANCELLED_BY_USER : merged.failureReason;
      await finalize(
        started,
        { ...merged.outcome, status, ...(failureReason ? { failureReason } : {}) },
        log,
      );
      await store.deleteUnits(username, id).catch(() => {});
      log('info', 'collection finished', { collectionId: id, status, units: plan.units.length });
    } catch (error) {
      await fail(error);
    }
  };
}
