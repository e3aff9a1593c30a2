/**
 * Redis mode: every active schedule is a BullMQ job scheduler (cron pattern + time zone), so the
 * repeat lives in Redis and survives every process. At each tick BullMQ turns the scheduler's one
 * delayed job into a waiting job that exactly one worker takes (BullMQ's atomic move to active);
 * the handler then claims the (schedule, tick) with the same create-only document as the embedded
 * scheduler, so a job re-run after its worker died never starts a second run either. A process that
 * was down at a tick finds that one job overdue when it comes back: one catch-up, not one per tick.
 */
import { type Job, Queue, Worker } from 'bullmq';
import { bullmqConnection } from '../jobs/redis-connection.js';
import { runTick, type SchedulerLog } from './run-tick.js';
import type { Scheduler, StartScheduledRun } from './scheduler.js';
import type { ScheduleStore, StoredSchedule } from './store.js';

export const SCHEDULES_QUEUE = 'schedules';
export const SCHEDULED_RUN_JOB = 'scheduled-run';
/** A tick started later than this after its time is recorded as a catch-up. */
const LATE_AFTER_MS = 60_000;

interface ScheduledRunData {
  username: string;
  scheduleId: string;
}

export interface BullmqSchedulerDeps {
  redisUrl: string;
  /** Redis key prefix (tests isolate themselves with their own). */
  prefix?: string;
  store: ScheduleStore;
  startRun: StartScheduledRun;
  now: () => Date;
  /** Runs the scheduled-run jobs in this process (worker processes; a WORKERS=0 web tier only mirrors). */
  worker: boolean;
  /** Other periodic work of a worker process (quiet hours, stuck deliveries), every `intervalMs`. */
  alsoEvery?: () => Promise<unknown>;
  intervalMs?: number;
  log: SchedulerLog;
}

export interface BullmqScheduler extends Scheduler {
  /** The BullMQ queue the schedulers live in (tests read a scheduler's next tick from it). */
  queue: Queue;
}

export function createBullmqScheduler(deps: BullmqSchedulerDeps): BullmqScheduler {
  const connection = bullmqConnection(deps.redisUrl);
  const prefix = deps.prefix ?? 'again';
  const queue = new Queue<ScheduledRunData>(SCHEDULES_QUEUE, { connection, prefix });
  let worker: Worker<ScheduledRunData> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const mirror = async (schedule: StoredSchedule) => {
    await queue.upsertJobScheduler(
      schedule.id,
      { pattern: schedule.cron, tz: schedule.timeZone },
      {
        name: SCHEDULED_RUN_JOB,
        data: { username: schedule.username, scheduleId: schedule.id },
        // The claim document is the run's record; a failed start is stored there, not retried.
        opts: { attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
      },
    );
  };

  const processJob = async (job: Job<ScheduledRunData>) => {
    const { username, scheduleId } = job.data;
    const schedule = await deps.store.get(username, scheduleId).catch(() => null);
    // prevMillis is the tick this job was made for (BullMQ sets it on every scheduler job).
    const tick = new Date(job.opts.prevMillis ?? job.timestamp);
    if (!schedule || schedule.paused || tick.toISOString() < schedule.activeSince) return 'skipped';
    const now = deps.now();
    const started = await runTick(deps, schedule, tick, now, now.getTime() - tick.getTime() > LATE_AFTER_MS);
    return started ? 'started' : 'already claimed';
  };

  /** Start-up: Redis gets exactly the active stored schedules (storage is the source of truth). */
  async function sync(): Promise<void> {
    const active = (await deps.store.listAll()).filter((s) => !s.paused);
    for (const schedule of active) await mirror(schedule);
    const wanted = new Set(active.map((s) => s.id));
    for (const existing of await queue.getJobSchedulers())
      if (!wanted.has(existing.key)) await queue.removeJobScheduler(existing.key);
  }

  return {
    queue,
    async start() {
      await sync();
      if (!deps.worker || worker) return;
      worker = new Worker<ScheduledRunData>(SCHEDULES_QUEUE, processJob, {
        connection,
        prefix,
        concurrency: 2,
      });
      worker.on('error', (error) => deps.log('error', 'scheduler worker error', { error: String(error) }));
      if (deps.alsoEvery) {
        const alsoEvery = deps.alsoEvery;
        timer = setInterval(
          () =>
            void alsoEvery().catch((error: unknown) =>
              deps.log('warn', 'periodic work failed', { error: String(error) }),
            ),
          deps.intervalMs ?? 30_000,
        );
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await worker?.close();
      await queue.close();
    },
    async changed(_username, scheduleId, schedule) {
      if (schedule && !schedule.paused) await mirror(schedule);
      else await queue.removeJobScheduler(scheduleId);
    },
  };
}
