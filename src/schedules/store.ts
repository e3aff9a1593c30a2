import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PreconditionFailedError } from '../core/storage.js';
import { NotifyError } from '../notify/errors.js';
import { ScheduleBody, type ScheduledRun, ScheduledRunSchema } from '../shared/api/notify.js';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';

export const MAX_SCHEDULES_PER_USER = 20;
export const HISTORY_LIMIT = 50;

/** schedules/{username}/{id}.json */
export const StoredSchedule = ScheduleBody.extend({
  id: z.string(),
  username: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Ticks before this instant are not run (set on create, edit and resume: no run for a paused past). */
  activeSince: z.string(),
  lastTick: z.string().optional(),
  lastRunId: z.string().optional(),
});
export type StoredSchedule = z.infer<typeof StoredSchedule>;

const notFound = (id: string) =>
  new NotifyError('schedule_not_found', `Schedule ${id.slice(0, 100)} was not found`);

export class ScheduleStore {
  constructor(private readonly documents: DocumentStore) {}

  async list(username: string): Promise<StoredSchedule[]> {
    return await this.read(await this.documents.list(keys.schedulesPrefix(username)));
  }

  /** Every user's schedules (the scheduler's view). */
  async listAll(): Promise<StoredSchedule[]> {
    return await this.read(await this.documents.list(keys.schedulesPrefix()));
  }

  private async read(keyList: string[]): Promise<StoredSchedule[]> {
    const found = await Promise.all(
      keyList.map((key) => this.documents.getJson(key, StoredSchedule).catch(() => null)),
    );
    return found.flatMap((f) => (f ? [f.value] : [])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async get(username: string, id: string): Promise<StoredSchedule> {
    const found = await this.documents.getJson(keys.schedule(username, id), StoredSchedule);
    if (!found) throw notFound(id);
    return found.value;
  }

  async create(username: string, body: ScheduleBody, at: Date): Promise<StoredSchedule> {
    if ((await this.documents.list(keys.schedulesPrefix(username))).length >= MAX_SCHEDULES_PER_USER)
      throw new NotifyError('too_many', `At most ${MAX_SCHEDULES_PER_USER} schedules`);
    const iso = at.toISOString();
    const schedule: StoredSchedule = {
      ...body,
      id: `sch-${randomBytes(6).toString('hex')}`,
      username,
      createdAt: iso,
      updatedAt: iso,
      activeSince: iso,
    };
    await this.documents.createJson(keys.schedule(username, schedule.id), schedule);
    return schedule;
  }

  async update(
    username: string,
    id: string,
    fn: (current: StoredSchedule) => StoredSchedule,
  ): Promise<StoredSchedule> {
    await this.get(username, id);
    return await this.documents.updateJson(keys.schedule(username, id), StoredSchedule, (current) => {
      if (!current) throw notFound(id);
      return fn(current);
    });
  }

  async remove(username: string, id: string): Promise<void> {
    await this.get(username, id);
    await this.documents.delete(keys.schedule(username, id));
    for (const key of await this.documents.list(keys.scheduleRunsPrefix(username, id)))
      await this.documents.delete(key);
  }

  /**
   * Create-only claim of one tick: exactly one process (of any number over one storage) gets true
   * and starts the run. The claim document is also the history entry of that scheduled run.
   */
  async claim(schedule: StoredSchedule, tick: Date, claimedAt: Date, catchUp: boolean): Promise<boolean> {
    const run: ScheduledRun = { tick: tick.toISOString(), claimedAt: claimedAt.toISOString(), catchUp };
    try {
      await this.documents.createJson(keys.scheduleRun(schedule.username, schedule.id, tick), run);
      return true;
    } catch (error) {
      if (error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }

  async recordRun(schedule: StoredSchedule, tick: Date, result: { runId: string } | { error: string }) {
    await this.documents.updateJson(
      keys.scheduleRun(schedule.username, schedule.id, tick),
      ScheduledRunSchema,
      (r) => ({
        tick: tick.toISOString(),
        claimedAt: r?.claimedAt ?? tick.toISOString(),
        catchUp: r?.catchUp ?? false,
        ...result,
      }),
    );
  }

  /** Newest first. */
  async history(username: string, id: string): Promise<ScheduledRun[]> {
    const runKeys = (await this.documents.list(keys.scheduleRunsPrefix(username, id)))
      .reverse()
      .slice(0, HISTORY_LIMIT);
    const found = await Promise.all(runKeys.map((key) => this.documents.getJson(key, ScheduledRunSchema)));
    return found.flatMap((f) => (f ? [f.value] : []));
  }
}
