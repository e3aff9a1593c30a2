import { CollectionsError } from '../collections/errors.js';
import type { CollectionService } from '../collections/service.js';
import { waitUntilFinal } from '../jobs/lifecycle.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AdvisorRunSummary } from '../shared/api/advisor.js';
import { AdvisorError, runNotFound } from './errors.js';
import type { RunProgressHub } from './progress.js';
import { CANCEL_REASON, isFinalRunStatus } from './run-job.js';
import type { AdvisorRunStore, StoredRun } from './store.js';

export interface RunCancellerDeps {
  runs: AdvisorRunStore;
  queue: JobQueue;
  collections: Pick<CollectionService, 'cancel'>;
  hub: RunProgressHub;
  summarize: (run: StoredRun) => Promise<AdvisorRunSummary>;
  now: () => Date;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** How long a cancel waits for a running job to write its final status (tests shorten it). */
  stopWaitMs?: number;
}

export const advisorJobId = (username: string, runId: string) => `${username}/${runId}`;

/**
 * POST /api/advisor/runs/:runId/cancel. A running job is aborted through the queue's signal and
 * writes its own final status (it alone knows which history files it wrote); a queued or orphaned
 * run is marked here. The run's own collection is cancelled after the job's abort, so the job sees
 * its cancellation first and does not report a "failed collection".
 */
export function createRunCanceller(deps: RunCancellerDeps) {
  /** Run ids whose abort came from a user (not a shutdown): the job marks those `cancelled`. */
  const requested = new Set<string>();

  const waitForFinal = (run: StoredRun) =>
    waitUntilFinal(
      async () => (await deps.runs.get(run.username, run.runId)) ?? run,
      (current) => isFinalRunStatus(current.status),
      deps.stopWaitMs ?? 10_000,
    );

  async function cancelCollection(run: StoredRun): Promise<void> {
    if (run.reusedCollection || !run.collectionId) return; // someone else's data: leave it alone
    try {
      await deps.collections.cancel(run.username, run.collectionId);
    } catch (error) {
      // Already finished or deleted: nothing left to stop.
      if (error instanceof CollectionsError) return;
      deps.log('warn', 'could not cancel the collection of a cancelled advisor run', {
        runId: run.runId,
        collectionId: run.collectionId,
        error: String(error),
      });
    }
  }

  return {
    isRequested: (runId: string) => requested.has(runId),

    /** The run as it stands afterwards: `cancelled`, or still stopping when the job is slow. */
    async cancel(username: string, runId: string): Promise<StoredRun> {
      const run = await deps.runs.get(username, runId);
      if (!run) throw runNotFound(runId);
      if (isFinalRunStatus(run.status))
        throw new AdvisorError('run_not_running', `The run has already finished (${run.status})`);
      const jobId = advisorJobId(username, runId);
      const state = await deps.queue.state(jobId);
      requested.add(runId);
      // Forget the request later: run ids are unique, the set must not grow for ever.
      setTimeout(() => requested.delete(runId), 60_000).unref();
      await deps.queue.cancel(jobId);
      await cancelCollection(run);
      deps.log('info', 'advisor run cancel requested', { runId, state: state ?? 'orphaned' });
      if (state === 'running') return await waitForFinal(run);
      // Queued (its handler will never start) or orphaned: nobody else writes the final status.
      const written = await deps.runs.update(username, runId, (current) =>
        isFinalRunStatus(current.status)
          ? null
          : {
              ...current,
              status: 'cancelled',
              failureReason: CANCEL_REASON,
              finishedAt: deps.now().toISOString(),
            },
      );
      const final = written ?? run;
      deps.hub.publish(runId, { type: 'done', run: await deps.summarize(final) });
      return final;
    },
  };
}
