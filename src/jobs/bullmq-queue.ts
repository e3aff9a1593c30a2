/**
 * The JobQueue port on BullMQ (Redis): jobs survive the process that queued them and are run by
 * whichever worker process takes them. BullMQ's own features do the hard parts — leases (a worker
 * that dies stops renewing its job's lock; the stalled-job checker hands the job to another worker),
 * retries with exponential backoff, and queue events across processes. Cancel crosses processes
 * over a Redis pub/sub channel; every worker aborts its local run of that job.
 */
import { FlowProducer, type Job, Queue, QueueEvents, WaitingChildrenError, Worker } from 'bullmq';
import {
  DuplicateJobError,
  FanOutError,
  type JobContext,
  type JobEvent,
  type JobHandler,
  type JobListener,
  type JobQueue,
  type JobSpec,
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

/** `group`: the parent's id on child jobs (cancelling the parent reaches them); `fannedOut` on a parent. */
type Payload = { payload: unknown; group?: string; fannedOut?: boolean };

const QUEUED: readonly string[] = ['waiting', 'delayed', 'prioritized', 'wait'];
const CANCELLED = 'cancelled';

function toState(state: string): JobState | undefined {
  // A parent waiting for its children is under way: its children are queued or running.
  if (state === 'active' || state === 'waiting-children') return 'running';
  return QUEUED.includes(state) ? 'queued' : undefined;
}

export async function createBullmqQueue(options: BullmqQueueOptions): Promise<JobQueue> {
  const prefix = options.prefix ?? 'again';
  // Options, not clients: BullMQ opens and closes its own connections.
  const connection = bullmqConnection(options.redisUrl);
  const queue = new Queue(options.name, { connection, prefix });
  const flows = new FlowProducer({ connection, prefix });
  const events = new QueueEvents(options.name, { connection, prefix });
  const cancelChannel = `${prefix}:${options.name}:cancel`;
  const cancelKey = (id: string) => `${prefix}:${options.name}:cancelled:${id}`;
  const commands = redisClient(options.redisUrl);
  const subscriber = redisClient(options.redisUrl);
  const handlers = new Map<string, JobHandler<never>>();
  const listeners = new Set<JobListener>();
  let worker: Worker | undefined;
  /** Jobs this process runs, by the parent id that cancels them (their own id for a parent). */
  const running = new Map<string, Set<string>>();

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
  subscriber.on('message', (_channel: string, groupId: string) => {
    for (const jobId of running.get(groupId) ?? []) worker?.cancelJob(jobId, CANCELLED);
  });

  const jobOptions = (id: string) => ({
    jobId: id,
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential' as const, delay: options.backoffMs ?? 1_000 },
    // Children are kept a while: adding one again (a parent re-run) must not run it twice.
    removeOnComplete: { age: 3600 },
    removeOnFail: { age: 24 * 3600 },
  });

  /** BullMQ flows: children attach to the running parent, which waits for them (a step job). */
  const fanOut = (job: Job<Payload>, token: string | undefined) => async (children: readonly JobSpec[]) => {
    const id = job.id ?? '';
    if (!job.data.fannedOut) {
      // One MULTI transaction: every child is added or none (options are validated before it).
      await flows
        .addBulk(
          children.map((child) => ({
            name: child.type,
            queueName: options.name,
            data: { payload: child.payload, group: id },
            opts: {
              ...jobOptions(child.id),
              parent: { id, queue: job.queueQualifiedName },
              // A child that failed all its attempts still lets the parent finish (and report it).
              ignoreDependencyOnFailure: true,
            },
          })),
        )
        .catch((error: unknown) => {
          throw new FanOutError(error);
        });
      await job.updateData({ ...job.data, fannedOut: true });
    }
    if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
  };

  const processJob = async (job: Job<Payload>, token?: string, signal?: AbortSignal) => {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No handler registered for job type ${job.name}`);
    const id = job.id ?? '';
    const group = job.data.group ?? id;
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    const mine = running.get(group) ?? new Set<string>();
    running.set(group, mine.add(id));
    // A cancel published before this worker took the job (or its parent's) leaves its marker.
    if (await commands.exists(cancelKey(group))) controller.abort(new Error(CANCELLED));
    // A stalled run (its worker died) is run again without spending an attempt: attemptsMade
    // counts only the tries whose handler threw.
    const attempt = job.attemptsMade + 1;
    const ctx: JobContext = {
      signal: controller.signal,
      redelivered: job.attemptsStarted > 1 || job.stalledCounter > 0,
      attempt,
      finalAttempt: attempt >= (job.opts.attempts ?? 1),
      fanOut: fanOut(job, token),
    };
    try {
      await (handler as JobHandler<unknown>)(job.data.payload, ctx);
    } catch (error) {
      if (error instanceof WaitingChildrenError) throw error;
      if (controller.signal.aborted) return CANCELLED;
      options.onError?.(id, error);
      throw error;
    } finally {
      mine.delete(id);
      if (mine.size === 0) running.delete(group);
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
      const earlier = await queue.getJob(spec.id);
      if (earlier && toState(await earlier.getState())) throw new DuplicateJobError(spec.id);
      // A finished job kept under this id (failed ones stay a day, for inspection) would make
      // BullMQ ignore the add silently: a refresh asked again after a failed one would never run.
      // Two processes doing this at once still leave one job under the id (BullMQ keeps one job
      // per id; a remove refused because the other's job already runs is ignored: the add joins it).
      if (earlier) await earlier.remove().catch(() => undefined);
      await commands.del(cancelKey(spec.id));
      await queue.add(
        spec.type,
        { payload: spec.payload },
        { ...jobOptions(spec.id), removeOnComplete: true },
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
      await Promise.all([queue.close(), events.close(), flows.close()]);
      subscriber.disconnect();
      commands.disconnect();
    },
  };
}
