import type { StoredSchedule } from './store.js';

/**
 * The scheduler port. Whatever the adapter, a schedule's tick starts at most one run, across every
 * process over the same storage or Redis.
 * - embedded (./embedded-scheduler.ts): a timer over the stored schedule list; create-only claim
 *   documents per (schedule, tick) decide which process runs a tick.
 * - Redis (./bullmq-scheduler.ts): one BullMQ job scheduler per active schedule, so the repeat and
 *   its hand-out to one worker are BullMQ's; the same claim documents guard against re-runs.
 */
export interface Scheduler {
  /** Starts watching the clock (no-op when already started); Redis mode first mirrors the stored schedules. */
  start(): Promise<void>;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
  /** A schedule was created, edited, paused, resumed or removed (null): adapters that mirror schedules update theirs. */
  changed(username: string, scheduleId: string, schedule: StoredSchedule | null): Promise<void>;
}

/** What a tick starts: an advisor run (with its collection) of the schedule's scope. Returns the run id. */
export type StartScheduledRun = (schedule: StoredSchedule) => Promise<string>;
