/**
 * Continuous watch: notification channels, rules and deliveries, and schedules with their
 * scheduler: BullMQ job schedulers with REDIS_URL, else the embedded timer. Deliveries are jobs on
 * their own queue of the job backend (BullMQ with REDIS_URL: any worker sends them, its attempts and
 * backoff are the retries); the scheduler's timer also releases notifications held by quiet hours
 * and recovers deliveries left in `sending` by a process that died.
 */
import type { Logger } from 'pino';
import type { AdvisorService } from '../advisor/service.js';
import { unknownRegions } from '../collections/regions.js';
import type { CollectionService } from '../collections/service.js';
import type { AppConfig } from '../config/config.js';
import { SecretBox } from '../connections/secrets.js';
import type { ConnectionService } from '../connections/service.js';
import { DEFAULT_DELIVERY_BACKOFF_MS, DELIVERY_QUEUE, deliveryRetry } from '../notify/deliveries.js';
import { createNotifyService } from '../notify/service.js';
import { createBullmqScheduler } from '../schedules/bullmq-scheduler.js';
import { createEmbeddedScheduler } from '../schedules/embedded-scheduler.js';
import { createScheduleService } from '../schedules/service.js';
import { ScheduleStore, type StoredSchedule } from '../schedules/store.js';
import type { DocumentStore } from '../storage/documents.js';
import type { UserService } from '../users/service.js';
import type { JobBackend } from './jobs.js';
import { domainLog } from './logging.js';

export interface WatchOptions {
  /** Per delivery attempt (default 10 s). */
  timeoutMs?: number;
  /** First retry delay, doubled for the next (default 2 s; the delivery queue's backoff). */
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

export async function composeWatch(
  config: AppConfig,
  deps: {
    documents: DocumentStore;
    logger: Logger;
    now: () => Date;
    users: UserService;
    connections: ConnectionService;
    advisor: AdvisorService;
    collections: CollectionService;
    jobs: JobBackend;
    /** This process runs scheduled-run and delivery jobs (and delivery maintenance). */
    worker: boolean;
    redisPrefix?: string;
    options?: WatchOptions;
  },
) {
  const options = deps.options ?? {};
  const connectionExists = async (username: string, id: string) =>
    (await deps.connections.list(username)).some((c) => c.id === id);
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_DELIVERY_BACKOFF_MS;
  const queue = await deps.jobs.createQueue(DELIVERY_QUEUE, {
    concurrency: DELIVERY_CONCURRENCY,
    retry: deliveryRetry(retryDelayMs),
  });
  const notifyLog = domainLog(deps.logger, { component: 'notify' });
  const notify = createNotifyService({
    documents: deps.documents,
    box: new SecretBox(config.secretKey),
    queue,
    sendsDeliveries: deps.worker,
    now: deps.now,
    runs: deps.advisor.runs,
    findingsOf: (run) => deps.advisor.findingsOf(run),
    collectionStatus: async (username, id) =>
      (await deps.collections.get(username, id).catch(() => null))?.status ?? null,
    connectionExists,
    checkIds: () => deps.advisor.checkIds(),
    lang: async (username) => (await deps.users.getUser(username))?.lang ?? 'en',
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    allowLocalReceivers: config.notifyAllowLocalHttp,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    retryDelayMs,
    log: (level, message, fields) => notifyLog(level, message, fields),
  });
  // Not awaited: a slow receiver or a rule error must never hold up or fail the run.
  const unsubscribe = deps.advisor.onRunFinished((run) => void notify.onRunFinished(run));

  const store = new ScheduleStore(deps.documents);
  const schedulerLog = domainLog(deps.logger, { component: 'scheduler' });
  const common = {
    store,
    now: options.schedulerNow ?? deps.now,
    startRun: async (schedule: StoredSchedule) =>
      (
        await deps.advisor.startRun(schedule.username, {
          connectionId: schedule.connectionId,
          services: schedule.services,
          regions: schedule.regions,
        })
      ).runId,
    ...(options.schedulerIntervalMs ? { intervalMs: options.schedulerIntervalMs } : {}),
    log: schedulerLog,
  };
  const scheduler = config.redisUrl
    ? createBullmqScheduler({
        ...common,
        redisUrl: config.redisUrl,
        ...(deps.redisPrefix ? { prefix: deps.redisPrefix } : {}),
        worker: deps.worker,
        alsoEvery: () => notify.maintain(),
      })
    : createEmbeddedScheduler({ ...common, alsoEachCheck: () => notify.maintain() });
  const schedules = createScheduleService({
    store,
    scheduler,
    now: deps.now,
    connectionExists,
    unknownRegions: async (username, connectionId, regions) =>
      unknownRegions(await deps.collections.regions(username, connectionId), regions),
  });
  if (options.startScheduler !== false) await scheduler.start();
  return {
    services: { notify, schedules, scheduler },
    async close() {
      unsubscribe();
      await scheduler.stop(); // the delivery queue closes with the job backend
    },
  };
}
