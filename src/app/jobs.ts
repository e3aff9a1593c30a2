/**
 * The job backend: one queue per job type family (collections, advisor runs). Advisor runs have
 * their own queue because a run waits for a collection job: shared slots could deadlock.
 */
import type { AppConfig } from '../config/config.js';
import { createInProcessQueue } from '../jobs/in-process-queue.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AppLogger } from './logging.js';

export interface JobBackend {
  /** `embedded`: in this process (jobs die with it); `redis`: BullMQ queues shared by every process. */
  kind: 'embedded' | 'redis';
  collections: JobQueue;
  advisor: JobQueue;
  /** Aborts running jobs and waits for their handlers to settle. */
  close(): Promise<void>;
}

export function composeJobs(config: AppConfig, logger: AppLogger): JobBackend {
  const onError = (family: string) => (jobId: string, error: unknown) =>
    logger.child({ jobId }).error({ err: error }, `${family} job failed`);
  const collections = createInProcessQueue({
    concurrency: config.workerConcurrency,
    onError: onError('collection'),
  });
  const advisor = createInProcessQueue({
    concurrency: config.workerConcurrency,
    onError: onError('advisor'),
  });
  return {
    kind: 'embedded',
    collections,
    advisor,
    async close() {
      await Promise.all([collections.close(), advisor.close()]);
    },
  };
}
