import pLimit from 'p-limit';
import pRetry from 'p-retry';
import {
  DuplicateJobError,
  type JobEvent,
  type JobHandler,
  type JobListener,
  type JobQueue,
  type JobRetry,
  type JobSpec,
  type JobState,
} from './queue.js';

interface LiveJob {
  state: JobState;
  controller: AbortController;
  done: Promise<void>;
}

export interface InProcessQueueOptions {
  /** Jobs running at once in this server process (collections are heavy: default 2). */
  concurrency?: number;
  /** Where handler failures are reported (they are also emitted as `failed` events). */
  onError?: (jobId: string, error: unknown) => void;
  /** A handler that throws is run again, with exponential backoff (default: one attempt). */
  retry?: JobRetry;
}

/** Runs jobs in this process with a concurrency limit. State is lost on restart (see recovery). */
export function createInProcessQueue(options: InProcessQueueOptions = {}): JobQueue {
  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  // Children get their own slots: a parent holds one of `limit`'s while it waits for them.
  const childLimit = pLimit(Math.max(1, options.concurrency ?? 2));
  const handlers = new Map<string, JobHandler<never>>();
  const jobs = new Map<string, LiveJob>();
  const listeners = new Set<JobListener>();
  let idleWaiters: (() => void)[] = [];

  const emit = (event: JobEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A faulty listener must not break the queue or other listeners.
      }
    }
  };

  const settle = (id: string) => {
    jobs.delete(id);
    if (jobs.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  /** Children run here with the parent's signal (cancelling the parent cancels them). */
  const fanOut =
    (signal: AbortSignal) =>
    async (children: readonly JobSpec[]): Promise<void> => {
      await Promise.allSettled(
        children.map((child) =>
          childLimit(async () => {
            const handler = handlers.get(child.type) as JobHandler<unknown> | undefined;
            if (!handler) throw new Error(`No handler registered for job type ${child.type}`);
            const ctx = {
              signal,
              redelivered: false,
              attempt: 1,
              finalAttempt: true,
              fanOut: fanOut(signal),
            };
            await handler(child.payload, ctx).catch((error: unknown) => {
              options.onError?.(child.id, error);
            });
          }),
        ),
      );
    };

  const run = async <P>(job: JobSpec<P>, live: LiveJob, handler: JobHandler<P>) => {
    if (live.controller.signal.aborted) {
      emit({ type: 'cancelled', jobId: job.id, whileRunning: false });
      return;
    }
    live.state = 'running';
    emit({ type: 'started', jobId: job.id });
    const attempts = Math.max(1, options.retry?.attempts ?? 1);
    const backoffMs = options.retry?.backoffMs ?? 1_000;
    const signal = live.controller.signal;
    try {
      await pRetry(
        (attempt) =>
          handler(job.payload, {
            signal,
            redelivered: attempt > 1,
            attempt,
            finalAttempt: attempt >= attempts,
            fanOut: fanOut(signal),
          }),
        {
          retries: attempts - 1,
          factor: 2,
          minTimeout: backoffMs,
          maxTimeout: backoffMs * 2 ** attempts,
          randomize: false,
          shouldRetry: () => !signal.aborted,
        },
      );
      emit(
        live.controller.signal.aborted
          ? { type: 'cancelled', jobId: job.id, whileRunning: true }
          : { type: 'completed', jobId: job.id },
      );
    } catch (error) {
      options.onError?.(job.id, error);
      if (live.controller.signal.aborted) emit({ type: 'cancelled', jobId: job.id, whileRunning: true });
      else
        emit({
          type: 'failed',
          jobId: job.id,
          error: error instanceof Error ? error.message : String(error),
        });
    }
  };

  return {
    process(type, handler) {
      if (handlers.has(type)) throw new Error(`A handler for job type ${type} is already registered`);
      handlers.set(type, handler as JobHandler<never>);
    },
    async enqueue(job) {
      if (jobs.has(job.id)) throw new DuplicateJobError(job.id);
      const handler = handlers.get(job.type) as JobHandler<typeof job.payload> | undefined;
      if (!handler) throw new Error(`No handler registered for job type ${job.type}`);
      const live: LiveJob = { state: 'queued', controller: new AbortController(), done: Promise.resolve() };
      jobs.set(job.id, live);
      emit({ type: 'queued', jobId: job.id });
      live.done = limit(() => run(job, live, handler)).finally(() => settle(job.id));
    },
    async cancel(id) {
      const live = jobs.get(id);
      if (!live) return false;
      live.controller.abort(new Error('cancelled'));
      return true;
    },
    state: async (id) => jobs.get(id)?.state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () => (jobs.size === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r))),
    async close() {
      for (const live of jobs.values()) live.controller.abort(new Error('queue closed'));
      await Promise.allSettled([...jobs.values()].map((j) => j.done));
    },
  };
}
