import type { StartScheduledRun } from './scheduler.js';
import type { ScheduleStore, StoredSchedule } from './store.js';

export type SchedulerLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown>,
) => void;

export interface RunTickDeps {
  store: ScheduleStore;
  startRun: StartScheduledRun;
  log: SchedulerLog;
}

/**
 * Starts the run of one (schedule, tick), whichever adapter noticed the tick. The create-only claim
 * document decides: of any number of processes (or of a BullMQ job re-run after its worker died)
 * exactly one starts the run; the others get false. The claim is also the history entry.
 */
export async function runTick(
  deps: RunTickDeps,
  schedule: StoredSchedule,
  tick: Date,
  now: Date,
  catchUp: boolean,
): Promise<boolean> {
  if (!(await deps.store.claim(schedule, tick, now, catchUp))) return false;
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
      ...(current.lastTick && current.lastTick >= tick.toISOString() ? {} : { lastTick: tick.toISOString() }),
      ...(runId ? { lastRunId: runId } : {}),
    }))
    .catch(() => undefined); // removed meanwhile
  return true;
}
