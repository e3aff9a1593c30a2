import { NotifyError } from '../notify/errors.js';
import type { Schedule, ScheduleBody, ScheduledRun } from '../shared/api/notify.js';
import { nextRuns, validateCron } from './cron.js';
import type { Scheduler } from './scheduler.js';
import type { ScheduleStore, StoredSchedule } from './store.js';

export interface ScheduleServiceDeps {
  store: ScheduleStore;
  scheduler: Scheduler;
  now: () => Date;
  connectionExists: (username: string, connectionId: string) => Promise<boolean>;
  /** Of `regions`, those the connection's account does not have (see collections/regions.ts). */
  unknownRegions: (username: string, connectionId: string, regions: string[]) => Promise<string[]>;
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

/** Per-user schedules: validated cron and connection, the next runs, pause/resume, history. */
export function createScheduleService(deps: ScheduleServiceDeps) {
  const { store } = deps;

  const toView = (s: StoredSchedule): Schedule => {
    const { username: _u, activeSince: _a, ...visible } = s;
    return {
      ...visible,
      nextRuns: s.paused ? [] : nextRuns(s.cron, s.timeZone, deps.now()).map((d) => d.toISOString()),
    };
  };

  async function validate(username: string, body: ScheduleBody): Promise<void> {
    validateCron(body.cron, body.timeZone, deps.now());
    if (!(await deps.connectionExists(username, body.connectionId)))
      throw new NotifyError('connection_not_found', 'Unknown connection', {
        connectionId: 'unknown connection',
      });
    if (body.regions === 'all-enabled') return;
    const unknown = await deps.unknownRegions(username, body.connectionId, body.regions);
    if (unknown.length > 0)
      throw new NotifyError('region_unknown', `Region not available to this account: ${unknown.join(', ')}`, {
        regions: 'region_unknown',
      });
  }

  const notify = (s: StoredSchedule | null, username: string, id: string) =>
    deps.scheduler.changed(username, id, s);

  return {
    async list(username: string): Promise<Schedule[]> {
      return (await store.list(username)).map(toView);
    },

    async create(username: string, body: ScheduleBody): Promise<Schedule> {
      await validate(username, body);
      const created = await store.create(username, body, deps.now());
      await notify(created, username, created.id);
      return toView(created);
    },

    /** An edit starts the schedule afresh: ticks before it are not caught up. */
    async update(username: string, id: string, body: ScheduleBody): Promise<Schedule> {
      await validate(username, body);
      const at = deps.now().toISOString();
      const updated = await store.update(username, id, (s) => ({
        ...s,
        ...body,
        updatedAt: at,
        activeSince: at,
      }));
      await notify(updated, username, id);
      return toView(updated);
    },

    /** Resuming does not run the ticks missed while paused. */
    async setPaused(username: string, id: string, paused: boolean): Promise<Schedule> {
      const at = deps.now().toISOString();
      const updated = await store.update(username, id, (s) => ({
        ...s,
        paused,
        updatedAt: at,
        ...(paused || !s.paused ? {} : { activeSince: at }),
      }));
      await notify(updated, username, id);
      return toView(updated);
    },

    async remove(username: string, id: string): Promise<void> {
      await store.remove(username, id);
      await notify(null, username, id);
    },

    async history(username: string, id: string): Promise<ScheduledRun[]> {
      await store.get(username, id);
      return await store.history(username, id);
    },

    preview(cron: string, timeZone: string): string[] {
      validateCron(cron, timeZone, deps.now());
      return nextRuns(cron, timeZone, deps.now()).map((d) => d.toISOString());
    },
  };
}
