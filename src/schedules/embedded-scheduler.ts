import { latestTick } from './cron.js';
import { runTick, type SchedulerLog } from './run-tick.js';
import type { Scheduler, StartScheduledRun } from './scheduler.js';
import type { ScheduleStore, StoredSchedule } from './store.js';

export interface EmbeddedSchedulerDeps {
  store: ScheduleStore;
  startRun: StartScheduledRun;
  now: () => Date;
  /** How often the schedule list is checked. */
  intervalMs?: number;
  /** Other periodic work of this process (releasing notifications held by quiet hours). */
  alsoEachCheck?: () => Promise<unknown>;
  log: SchedulerLog;
}

export const DEFAULT_CHECK_INTERVAL_MS = 30_000;

export interface EmbeddedScheduler extends Scheduler {
  /** Checks every schedule once against the clock; resolves with the number of runs this process started. */
  check(): Promise<number>;
}

/**
 * Embedded mode: every process lists the stored schedules on a timer. For each active schedule it
 * takes only the LATEST tick due since the last one handled — after a restart that is one catch-up
 * run, not one per missed tick — and claims it with a create-only document, so of two processes
 * that see the same tick exactly one starts the run.
 */
export function createEmbeddedScheduler(deps: EmbeddedSchedulerDeps): EmbeddedScheduler {
  const intervalMs = deps.intervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function handle(schedule: StoredSchedule, now: Date): Promise<boolean> {
    if (schedule.paused) return false;
    const tick = latestTick(schedule.cron, schedule.timeZone, now);
    const since =
      schedule.lastTick && schedule.lastTick > schedule.activeSince
        ? schedule.lastTick
        : schedule.activeSince;
    if (!tick || tick.toISOString() <= since) return false;
    // Late by more than two checks: the process was down (or busy) at the tick's time.
    const catchUp = now.getTime() - tick.getTime() > 2 * intervalMs;
    return await runTick(deps, schedule, tick, now, catchUp);
  }

  async function checkOnce(): Promise<number> {
    const now = deps.now();
    let started = 0;
    for (const schedule of await deps.store.listAll()) {
      try {
        if (await handle(schedule, now)) started++;
      } catch (error) {
        deps.log('error', 'schedule check failed', { scheduleId: schedule.id, error: String(error) });
      }
    }
    await deps.alsoEachCheck?.().catch((error: unknown) => {
      deps.log('warn', 'periodic work failed', { error: String(error) });
    });
    return started;
  }

  const check = () => {
    // One check at a time per process: a slow storage must not stack checks up.
    running ??= checkOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    check,
    async start() {
      if (timer) return;
      timer = setInterval(() => void check(), intervalMs);
      timer.unref();
      void check();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    // Schedules are read from storage at every check: nothing to mirror.
    changed: async () => {},
  };
}
