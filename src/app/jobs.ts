/**
 * The job backend: one queue per job family (collections, advisor runs; notification deliveries
 * through createQueue) and the progress bus.
 * Embedded (no REDIS_URL): in this process, as a single-process console always worked. Redis:
 * BullMQ queues and Redis-stream progress shared by every web and worker process. Advisor runs
 * have their own queue because a run waits for a collection job: shared slots could deadlock.
 */
import type { AppConfig } from '../config/config.js';
import { createBullmqQueue } from '../jobs/bullmq-queue.js';
import { createInProcessQueue } from '../jobs/in-process-queue.js';
import { createMemoryBus, type ProgressBus } from '../jobs/progress-bus.js';
import type { JobQueue, JobRetry } from '../jobs/queue.js';
import { createRedisBus } from '../jobs/redis-progress-bus.js';
import type { AppLogger } from './logging.js';

export interface JobBackend {
  /** `embedded`: in this process (jobs die with it); `redis`: BullMQ queues shared by every process. */
  kind: 'embedded' | 'redis';
  collections: JobQueue;
  advisor: JobQueue;
  bus: ProgressBus;
  /**
   * One more queue of this backend (notification deliveries): in this process, or BullMQ with the
   * same Redis, prefix and leases. Closed with the backend.
   */
  createQueue(name: string, options: { concurrency: number; retry: JobRetry }): Promise<JobQueue>;
  /** Stops this process's part: embedded jobs are aborted, Redis jobs are left to other workers. */
  close(): Promise<void>;
}

export interface JobTuning {
  /** Redis key prefix (tests isolate themselves). */
  redisPrefix?: string;
  /** BullMQ lease length and stalled-check interval (tests shorten them). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export async function composeJobs(
  config: AppConfig,
  logger: AppLogger,
  tuning: JobTuning = {},
): Promise<JobBackend> {
  const onError = (family: string) => (jobId: string, error: unknown) =>
    logger.child({ jobId }).error({ err: error }, `${family} job failed`);
  const concurrency = config.workerConcurrency;
  if (!config.redisUrl) {
    const collections = createInProcessQueue({ concurrency, onError: onError('collection') });
    const advisor = createInProcessQueue({ concurrency, onError: onError('advisor') });
    const bus = createMemoryBus();
    const extra: JobQueue[] = [];
    return {
      kind: 'embedded',
      collections,
      advisor,
      bus,
      async createQueue(name, { concurrency: slots, retry }) {
        const queue = createInProcessQueue({ concurrency: slots, retry, onError: onError(name) });
        extra.push(queue);
        return queue;
      },
      async close() {
        await Promise.all([collections.close(), advisor.close(), ...extra.map((q) => q.close())]);
        await bus.close();
      },
    };
  }
  const redisUrl = config.redisUrl;
  const lockDurationMs = tuning.lockDurationMs ?? config.jobLockDurationMs;
  const stalledIntervalMs = tuning.stalledIntervalMs ?? config.jobStalledIntervalMs;
  const common = {
    redisUrl,
    concurrency,
    ...(tuning.redisPrefix ? { prefix: tuning.redisPrefix } : {}),
    ...(lockDurationMs ? { lockDurationMs } : {}),
    ...(stalledIntervalMs ? { stalledIntervalMs } : {}),
  };
  const collections = await createBullmqQueue({
    ...common,
    name: 'collections',
    onError: onError('collection'),
  });
  const advisor = await createBullmqQueue({ ...common, name: 'advisor-runs', onError: onError('advisor') });
  const bus = createRedisBus(redisUrl, tuning.redisPrefix);
  const extra: JobQueue[] = [];
  return {
    kind: 'redis',
    collections,
    advisor,
    bus,
    async createQueue(name, { concurrency: slots, retry }) {
      const queue = await createBullmqQueue({
        ...common,
        name,
        concurrency: slots,
        attempts: retry.attempts,
        backoffMs: retry.backoffMs,
        onError: onError(name),
      });
      extra.push(queue);
      return queue;
    },
    async close() {
      await Promise.all([collections.close(), advisor.close(), ...extra.map((q) => q.close())]);
      await bus.close();
    },
  };
}
