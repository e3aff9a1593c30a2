import { selectChecks } from '../checks/engine.js';
import type { AnyCheck } from '../checks/lib/run-checks.js';
import { resolveSettings } from '../checks/lib/settings.js';
import type { CollectionService } from '../collections/service.js';
import { type Logger, type StoredCollection, withFields } from '../collections/types.js';
import type { PriceBook } from '../core/prices.js';
import type { Snapshot } from '../core/snapshot.js';
import { PreconditionFailedError } from '../core/storage.js';
import type { JobContext } from '../jobs/queue.js';
import { adviseSnapshot } from '../pipeline/advise.js';
import { snapshotOf } from '../pipeline/snapshot.js';
import { type AdvisorRunStatus, type AdvisorRunSummary, FINAL_RUN_STATUSES } from '../shared/api/advisor.js';
import { FINAL_STATUSES } from '../shared/api/collections.js';
import type { RunProgressHub } from './progress.js';
import type { SettingOverrides } from './settings.js';
import { type AdvisorRunStore, runInstant, type StoredRun } from './store.js';

/** The parts of the collections service (src/collections/service.ts) an advisor run uses. */
export type AdvisorCollections = Pick<CollectionService, 'start' | 'get' | 'cancel' | 'store' | 'progress'>;

export interface AdvisorJobPayload {
  username: string;
  runId: string;
}

export interface AdvisorJobDeps {
  runs: AdvisorRunStore;
  hub: RunProgressHub;
  collections: AdvisorCollections;
  checks: () => readonly AnyCheck[];
  overrides: (username: string) => Promise<SettingOverrides>;
  prices: () => Promise<PriceBook>;
  summarize: (run: StoredRun) => Promise<AdvisorRunSummary>;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** How often the run's collection is re-read while it runs. */
  pollMs?: number;
  /**
   * True when the user asked to cancel this run (POST …/cancel). The queue also aborts on shutdown;
   * only a user's cancel makes the run `cancelled` — a shutdown leaves it failed (restart reason).
   */
  cancelRequested?: (runId: string) => boolean;
  /** Told of every run that reached its final status (notifications); must not block or throw. */
  onFinished?: (run: StoredRun) => void;
}

export const CANCEL_REASON = 'cancelled by the user';

/** Thrown where the job notices its signal; the catch below turns it into the final status. */
class RunAborted extends Error {
  constructor() {
    super('the advisor run was cancelled');
  }
}

const throwIfAborted = (signal: AbortSignal) => {
  if (signal.aborted) throw new RunAborted();
};

export const isFinalRunStatus = (status: AdvisorRunStatus) => FINAL_RUN_STATUSES.includes(status);

const isFinalCollection = (c: StoredCollection) => FINAL_STATUSES.includes(c.status);

async function waitForCollection(
  deps: AdvisorJobDeps,
  username: string,
  collectionId: string,
  signal: AbortSignal,
): Promise<StoredCollection> {
  for (;;) {
    throwIfAborted(signal);
    const current = await deps.collections.get(username, collectionId);
    if (isFinalCollection(current)) return current;
    await new Promise((r) => setTimeout(r, deps.pollMs ?? 250));
  }
}

/** The snapshot checks read: metadata plus every collected service's records. */
async function loadSnapshot(deps: AdvisorJobDeps, collection: StoredCollection): Promise<Snapshot> {
  const documents = [];
  for (const service of collection.services) {
    const doc = await deps.collections.store.getServiceDocument(collection.username, collection.id, service);
    if (doc) documents.push(doc);
  }
  return snapshotOf(collection, documents);
}

/**
 * One queued advisor run: (collecting →) evaluating → completed, or failed with the reason, or
 * cancelled (the queue's signal after the user's cancel; no history file is left). Writes
 * one history file per service (create-only), THEN marks the run completed, so a completed run
 * always has its files.
 */
export function createAdvisorJobHandler(deps: AdvisorJobDeps) {
  const setStatus = async (run: StoredRun, patch: Partial<StoredRun>) => {
    const next = await deps.runs.update(run.username, run.runId, (current) =>
      isFinalRunStatus(current.status) ? null : { ...current, ...patch },
    );
    if (next && patch.status && !isFinalRunStatus(patch.status))
      deps.hub.publish(run.runId, { type: 'status', status: patch.status, collectionId: next.collectionId });
    return next ?? run;
  };

  async function evaluate(run: StoredRun, collection: StoredCollection, ctx: JobContext): Promise<void> {
    const { signal } = ctx;
    const snapshot = await loadSnapshot(deps, collection);
    const overrides = await deps.overrides(run.username);
    const checks = deps.checks();
    const findings = adviseSnapshot({
      snapshot,
      services: run.services,
      settings: overrides,
      prices: await deps.prices(),
      checks,
    });
    const timestamp = runInstant(run.runId);
    for (const service of run.services) {
      // Between files too: the catch removes the ones already written.
      throwIfAborted(signal);
      const written = deps.runs.putServiceDocument({
        runId: run.runId,
        username: run.username,
        service,
        timestamp,
        collectionId: collection.id,
        connectionId: collection.connectionId,
        ...(collection.accountId ? { accountId: collection.accountId } : {}),
        regions: collection.regions,
        findings: findings.filter((f) => f.service === service),
        checks: selectChecks(checks, [service]).map((c) => ({
          id: c.id,
          settings: resolveSettings(c, overrides[c.id]),
        })),
      });
      // A re-run after its worker died: the first complete history file stands (create-only).
      await written.catch((error: unknown) => {
        if (!(ctx.redelivered && error instanceof PreconditionFailedError)) throw error;
      });
    }
  }

  async function finishUnsuccessfully(run: StoredRun, error: unknown, signal: AbortSignal, log: Logger) {
    if (signal.aborted) {
      // No partial history: files of an interrupted evaluation go before the final status is written.
      await deps.runs.deleteServiceDocuments(run).catch((e: unknown) => {
        log('warn', 'could not remove the files of a cancelled run', {
          runId: run.runId,
          error: String(e),
        });
      });
    }
    if (signal.aborted && deps.cancelRequested?.(run.runId)) {
      log('info', 'advisor run cancelled', { runId: run.runId });
      return await setStatus(run, {
        status: 'cancelled',
        failureReason: CANCEL_REASON,
        finishedAt: deps.now().toISOString(),
      });
    }
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    log('error', 'advisor run failed', { runId: run.runId, error: reason });
    return await setStatus(run, {
      status: 'failed',
      failureReason: reason,
      finishedAt: deps.now().toISOString(),
    });
  }

  return async function runAdvisorJob(payload: AdvisorJobPayload, ctx: JobContext) {
    // Every line of this job carries its id and user (a pino child logger underneath).
    const log = withFields(deps.log, { jobId: payload.runId, user: payload.username });
    let run = await deps.runs.get(payload.username, payload.runId);
    // A re-run after its worker died resumes an unfinished run; otherwise only a queued one starts.
    const resumable = run && ctx.redelivered && !isFinalRunStatus(run.status);
    if (!run || (run.status !== 'queued' && !resumable)) return;
    run = await setStatus(run, { startedAt: deps.now().toISOString() });
    try {
      const collectionId = run.collectionId;
      if (!collectionId) throw new Error('the run has no collection');
      let collection: StoredCollection;
      if (run.reusedCollection) collection = await deps.collections.get(run.username, collectionId);
      else {
        run = await setStatus(run, { status: 'collecting' });
        const unsubscribe = await deps.collections.progress.subscribe(collectionId, (message) => {
          if (message.type === 'progress')
            deps.hub.publish(run!.runId, { type: 'collection', entry: message.entry });
        });
        try {
          collection = await waitForCollection(deps, run.username, collectionId, ctx.signal);
        } finally {
          unsubscribe?.();
        }
        // A collection cancelled together with this run is this run's cancellation, not a failure.
        throwIfAborted(ctx.signal);
        if (collection.status !== 'completed' && collection.status !== 'completed_with_errors')
          throw new Error(`the collection ${collection.status}: ${collection.failureReason ?? 'no data'}`);
      }
      run = await setStatus(run, { status: 'evaluating', regions: collection.regions });
      await evaluate(run, collection, ctx);
      throwIfAborted(ctx.signal);
      // The completed marker comes only after every history file (see evaluate).
      run = await setStatus(run, { status: 'completed', finishedAt: deps.now().toISOString() });
      log('info', 'advisor run finished', { runId: run.runId });
    } catch (error) {
      run = await finishUnsuccessfully(run, error, ctx.signal, log);
    }
    deps.hub.publish(run.runId, { type: 'done', run: await deps.summarize(run) });
    deps.onFinished?.(run);
  };
}
