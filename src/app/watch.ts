/**
 * Continuous watch: notification channels, rules and deliveries, and schedules with their
 * scheduler. Deliveries are jobs on their own queue (in-process; a BullMQ adapter fits the same
 * JobQueue interface); the embedded scheduler's timer also releases notifications held by quiet hours.
 */
import type { Logger } from 'pino';
import type { AdvisorService } from '../advisor/service.js';
import type { CollectionService } from '../collections/service.js';
import type { AppConfig } from '../config/config.js';
import { SecretBox } from '../connections/secrets.js';
import type { ConnectionService } from '../connections/service.js';
import { createInProcessQueue } from '../jobs/in-process-queue.js';
import { createNotifyService } from '../notify/service.js';
import { createEmbeddedScheduler } from '../schedules/embedded-scheduler.js';
import { createScheduleService } from '../schedules/service.js';
import { ScheduleStore } from '../schedules/store.js';
import type { DocumentStore } from '../storage/documents.js';
import type { UserService } from '../users/service.js';
import { domainLog } from './logging.js';

export interface WatchOptions {
  /** Per delivery attempt (default 10 s). */
  timeoutMs?: number;
  /** First retry delay, doubled for the next (default 2 s). */
  retryDelayMs?: number;
  /** How often the embedded scheduler checks the schedules (default 30 s). */
  schedulerIntervalMs?: number;
  /** false: the scheduler's timer is not started (tests call check() with their own clock). */
  startScheduler?: boolean;
  /** The scheduler's clock (tests move it to a tick without touching sessions). */
  schedulerNow?: () => Date;
}

/** Deliveries sent at once per process: each waits on a network receiver, not the CPU. */
const DELIVERY_CONCURRENCY = 4;

export function composeWatch(
  config: AppConfig,
  deps: {
    documents: DocumentStore;
    logger: Logger;
    now: () => Date;
    users: UserService;
    connections: ConnectionService;
    advisor: AdvisorService;
    collections: CollectionService;
    options?: WatchOptions;
  },
) {
  const options = deps.options ?? {};
  const connectionExists = async (username: string, id: string) =>
    (await deps.connections.list(username)).some((c) => c.id === id);
  const queue = createInProcessQueue({
    concurrency: DELIVERY_CONCURRENCY,
    onError: (jobId, error) => deps.logger.child({ jobId }).error({ err: error }, 'notification job failed'),
  });
  const notifyLog = domainLog(deps.logger, { component: 'notify' });
  const notify = createNotifyService({
    documents: deps.documents,
    box: new SecretBox(config.secretKey),
    queue,
    now: deps.now,
    runs: deps.advisor.runs,
    findingsOf: (run) => deps.advisor.findingsOf(run),
    collectionStatus: async (username, id) =>
      (await deps.collections.get(username, id).catch(() => null))?.status ?? null,
    connectionExists,
    lang: async (username) => (await deps.users.getUser(username))?.lang ?? 'en',
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
    log: (level, message, fields) => notifyLog(level, message, fields),
  });
  // Not awaited: a slow receiver or a rule error must never hold up or fail the run.
  const unsubscribe = deps.advisor.onRunFinished((run) => void notify.onRunFinished(run));

  const store = new ScheduleStore(deps.documents);
  const schedulerLog = domainLog(deps.logger, { component: 'scheduler' });
  const scheduler = createEmbeddedScheduler({
    store,
    now: options.schedulerNow ?? deps.now,
    startRun: async (schedule) =>
      (
        await deps.advisor.startRun(schedule.username, {
          connectionId: schedule.connectionId,
          services: schedule.services,
          regions: schedule.regions,
        })
      ).runId,
    alsoEachCheck: () => notify.releaseHeld(),
    ...(options.schedulerIntervalMs ? { intervalMs: options.schedulerIntervalMs } : {}),
    log: (level, message, fields) => schedulerLog(level, message, fields),
  });
  const schedules = createScheduleService({ store, scheduler, now: deps.now, connectionExists });
  if (options.startScheduler !== false) scheduler.start();
  return {
    services: { notify, schedules, scheduler },
    async close() {
      unsubscribe();
      await scheduler.stop();
      await queue.close();
    },
  };
}
