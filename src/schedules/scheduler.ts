import type { StoredSchedule } from './store.js';

/**
 * The scheduler port. Whatever the adapter, a schedule's tick starts at most one run, across every
 * process over the same storage or Redis.
 * - embedded (./embedded-scheduler.ts): a timer over the stored schedule list; create-only claim
 *   documents per (schedule, tick) decide which process runs a tick.
 * - Redis: BullMQ job schedulers (one per schedule), so the repeat and its de-duplication are
 *   BullMQ's; it plugs in here once the BullMQ queue of the scale-out work is on main.
 */
export interface Scheduler {
  /** Starts watching the clock (no-op when already started). */
  start(): void;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
  /** A schedule was created, edited, paused, resumed or removed (null): adapters that mirror schedules update theirs. */
  changed(username: string, scheduleId: string, schedule: StoredSchedule | null): Promise<void>;
}

/** What a tick starts: an advisor run (with its collection) of the schedule's scope. Returns the run id. */
export type StartScheduledRun = (schedule: StoredSchedule) => Promise<string>;
