import { latestTick } from './cron.js';
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
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
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
    const claimed = await deps.store.claim(schedule, tick, now, catchUp);
    if (!claimed) return false;
    let runId: string | undefined;
    try {
      runId = await deps.startRun(schedule);
      await deps.store.recordRun(schedule, tick, { runId });
      deps.log('info', 'scheduled run started', {
        scheduleId: schedule.id,
        tick: tick.toISOString(),
        runId,
        catchUp,
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await deps.store.recordRun(schedule, tick, { error: message });
      deps.log('warn', 'scheduled run could not start', { scheduleId: schedule.id, error: message });
    }
    await deps.store
      .update(schedule.username, schedule.id, (current) => ({
        ...current,
        ...(current.lastTick && current.lastTick >= tick.toISOString()
          ? {}
          : { lastTick: tick.toISOString() }),
        ...(runId ? { lastRunId: runId } : {}),
      }))
      .catch(() => undefined); // removed meanwhile
    return true;
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
    start() {
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
