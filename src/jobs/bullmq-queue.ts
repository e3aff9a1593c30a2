/**
 * The JobQueue port on BullMQ (Redis): jobs survive the process that queued them and are run by
 * whichever worker process takes them. BullMQ's own features do the hard parts — leases (a worker
 * that dies stops renewing its job's lock; the stalled-job checker hands the job to another worker),
 * retries with exponential backoff, and queue events across processes. Cancel crosses processes
 * over a Redis pub/sub channel; every worker aborts its local run of that job.
 */
import { type Job, Queue, QueueEvents, Worker } from 'bullmq';
import {
  DuplicateJobError,
  type JobEvent,
  type JobHandler,
  type JobListener,
  type JobQueue,
  type JobState,
} from './queue.js';
import { bullmqConnection, redisClient } from './redis-connection.js';

export interface BullmqQueueOptions {
  redisUrl: string;
  /** One BullMQ queue per job family (collections, advisor runs). */
  name: string;
  /** Jobs this process runs at once (when it registers handlers). */
  concurrency: number;
  /** Key prefix in Redis (tests isolate themselves with their own). */
  prefix?: string;
  /** How long a worker's lease lasts without renewal (a dead worker's job is re-run after it). */
  lockDurationMs?: number;
  /** How often the stalled-job checker runs. */
  stalledIntervalMs?: number;
  /** Attempts of a job whose handler throws (BullMQ's exponential backoff from `backoffMs`). */
  attempts?: number;
  backoffMs?: number;
  onError?: (jobId: string, error: unknown) => void;
}

type Payload = { payload: unknown };

const QUEUED: readonly string[] = ['waiting', 'delayed', 'prioritized', 'waiting-children', 'wait'];
const CANCELLED = 'cancelled';

function toState(state: string): JobState | undefined {
  if (state === 'active') return 'running';
  return QUEUED.includes(state) ? 'queued' : undefined;
}

export async function createBullmqQueue(options: BullmqQueueOptions): Promise<JobQueue> {
  const prefix = options.prefix ?? 'again';
  // Options, not clients: BullMQ opens and closes its own connections.
  const connection = bullmqConnection(options.redisUrl);
  const queue = new Queue(options.name, { connection, prefix });
  const events = new QueueEvents(options.name, { connection, prefix });
  const cancelChannel = `${prefix}:${options.name}:cancel`;
  const cancelKey = (id: string) => `${prefix}:${options.name}:cancelled:${id}`;
  const commands = redisClient(options.redisUrl);
  const subscriber = redisClient(options.redisUrl);
  const handlers = new Map<string, JobHandler<never>>();
  const listeners = new Set<JobListener>();
  let worker: Worker | undefined;

  const emit = (event: JobEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A faulty listener must not break the queue or other listeners.
      }
    }
  };
  events.on('waiting', ({ jobId }) => emit({ type: 'queued', jobId }));
  events.on('active', ({ jobId }) => emit({ type: 'started', jobId }));
  events.on('completed', ({ jobId, returnvalue }) =>
    emit(
      returnvalue === CANCELLED
        ? { type: 'cancelled', jobId, whileRunning: true }
        : { type: 'completed', jobId },
    ),
  );
  events.on('failed', ({ jobId, failedReason }) => emit({ type: 'failed', jobId, error: failedReason }));
  events.on('removed', ({ jobId, prev }) => {
    if (prev !== 'completed' && prev !== 'failed') emit({ type: 'cancelled', jobId, whileRunning: false });
  });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);

  await subscriber.subscribe(cancelChannel);
  subscriber.on('message', (_channel: string, jobId: string) => {
    worker?.cancelJob(jobId, CANCELLED);
  });

  const processJob = async (job: Job<Payload>, _token?: string, signal?: AbortSignal) => {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No handler registered for job type ${job.name}`);
    const id = job.id ?? '';
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    // A cancel published before this worker took the job leaves its marker.
    if (await commands.exists(cancelKey(id))) controller.abort(new Error(CANCELLED));
    // A stalled run (its worker died) is run again without spending an attempt: attemptsMade
    // counts only the tries whose handler threw.
    const attempt = job.attemptsMade + 1;
    try {
      await (handler as JobHandler<unknown>)(job.data.payload, {
        signal: controller.signal,
        redelivered: job.attemptsStarted > 1 || job.stalledCounter > 0,
        attempt,
        finalAttempt: attempt >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      if (controller.signal.aborted) return CANCELLED;
      options.onError?.(id, error);
      throw error;
    }
    return controller.signal.aborted ? CANCELLED : 'completed';
  };

  const liveJob = async (id: string) => {
    const job = await queue.getJob(id);
    if (!job) return undefined;
    const state = toState(await job.getState());
    return state ? { job, state } : undefined;
  };

  return {
    process(type, handler) {
      if (handlers.has(type)) throw new Error(`A handler for job type ${type} is already registered`);
      handlers.set(type, handler as JobHandler<never>);
      worker ??= new Worker<Payload>(options.name, processJob, {
        connection,
        prefix,
        concurrency: options.concurrency,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        // A job whose worker died is re-run, not failed (a crash is not the job's fault).
        maxStalledCount: 5,
      });
      worker.on('error', (error) => options.onError?.('worker', error));
    },

    async enqueue(spec) {
      if (await liveJob(spec.id)) throw new DuplicateJobError(spec.id);
      await commands.del(cancelKey(spec.id));
      await queue.add(
        spec.type,
        { payload: spec.payload },
        {
          jobId: spec.id,
          attempts: options.attempts ?? 3,
          backoff: { type: 'exponential', delay: options.backoffMs ?? 1_000 },
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600 },
        },
      );
    },

    async cancel(id) {
      const live = await liveJob(id);
      if (!live) return false;
      if (live.state === 'queued') {
        // Removing fails when a worker took it meanwhile: then it is running, cancel it as such.
        const removed = await live.job.remove().then(
          () => true,
          () => false,
        );
        if (removed) return true;
      }
      await commands.set(cancelKey(id), '1', 'EX', 3600);
      await commands.publish(cancelChannel, id);
      return true;
    },

    async state(id) {
      return (await liveJob(id))?.state;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async idle() {
      for (;;) {
        const counts = await queue.getJobCounts(
          'wait',
          'active',
          'delayed',
          'prioritized',
          'waiting-children',
        );
        if (Object.values(counts).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },

    async close() {
      // No abort: a job this process leaves behind is re-run by another worker once its lease
      // expires (the stalled-job checker), which is exactly what a restart should do.
      await worker?.close(true);
      await Promise.all([queue.close(), events.close()]);
      subscriber.disconnect();
      commands.disconnect();
    },
  };
}
