import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedScheduler } from '../../src/schedules/embedded-scheduler.js';
import { ScheduleStore, type StoredSchedule } from '../../src/schedules/store.js';
import type { ScheduleBody } from '../../src/shared/api/notify.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';

/** 09:00 KST every day = 00:00 UTC. */
const DAILY_9_KST: ScheduleBody = {
  name: 'daily',
  connectionId: 'conn-1',
  cron: '0 9 * * *',
  timeZone: 'Asia/Seoul',
  services: ['ec2'],
  regions: 'all-enabled',
  paused: false,
};

describe('embedded scheduler with an injected clock', () => {
  let dataDir: string;
  let clock: { now: Date };
  let started: { scheduleId: string; at: string }[];

  /** A scheduler process over the shared data directory (its own DocumentStore, like a second server). */
  const processOver = (runFails = false) => {
    const store = new ScheduleStore(new DocumentStore(new LocalStorage(dataDir)));
    const scheduler = createEmbeddedScheduler({
      store,
      now: () => clock.now,
      intervalMs: 30_000,
      startRun: async (s: StoredSchedule) => {
        if (runFails) throw new Error('the connection is gone');
        started.push({ scheduleId: s.id, at: clock.now.toISOString() });
        return `run-${started.length}`;
      },
      log: () => {},
    });
    return { store, scheduler };
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'again-sched-'));
    clock = { now: new Date('2026-12-01T23:58:00Z') };
    started = [];
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs at the tick in the schedule time zone, once per tick', async () => {
    const { store, scheduler } = processOver();
    const schedule = await store.create('alice', DAILY_9_KST, clock.now);
    expect(await scheduler.check()).toBe(0);
    clock.now = new Date('2026-12-02T00:00:05Z'); // 09:00:05 KST
    expect(await scheduler.check()).toBe(1);
    expect(await scheduler.check()).toBe(0);
    clock.now = new Date('2026-12-02T12:00:00Z');
    expect(await scheduler.check()).toBe(0);
    expect(started).toEqual([{ scheduleId: schedule.id, at: '2026-12-02T00:00:05.000Z' }]);
    const [entry] = await store.history('alice', schedule.id);
    expect(entry).toMatchObject({ tick: '2026-12-02T00:00:00.000Z', runId: 'run-1', catchUp: false });
    expect((await store.get('alice', schedule.id)).lastRunId).toBe('run-1');
  });

  it('two scheduler processes over one storage start one run for one tick', async () => {
    const first = processOver();
    const second = processOver();
    await first.store.create('alice', DAILY_9_KST, clock.now);
    clock.now = new Date('2026-12-02T00:00:01Z');
    const results = await Promise.all([first.scheduler.check(), second.scheduler.check()]);
    expect(results.sort()).toEqual([0, 1]);
    expect(started).toHaveLength(1);
    // And again with many processes racing for the next tick.
    clock.now = new Date('2026-12-03T00:00:01Z');
    const many = [first, second, processOver(), processOver()];
    const counts = await Promise.all(many.map((p) => p.scheduler.check()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(started).toHaveLength(2);
  });

  it('after a restart catches up ONE missed run, not one per missed tick', async () => {
    const before = processOver();
    const schedule = await before.store.create('alice', DAILY_9_KST, clock.now);
    clock.now = new Date('2026-12-02T00:00:01Z');
    expect(await before.scheduler.check()).toBe(1);
    // Down for five days (five ticks missed); a new process starts.
    clock.now = new Date('2026-12-07T05:00:00Z');
    const after = processOver();
    expect(await after.scheduler.check()).toBe(1);
    expect(await after.scheduler.check()).toBe(0);
    expect(started).toHaveLength(2);
    const [latest] = await after.store.history('alice', schedule.id);
    expect(latest).toMatchObject({ tick: '2026-12-07T00:00:00.000Z', catchUp: true });
    expect(await after.store.history('alice', schedule.id)).toHaveLength(2);
  });

  it('a paused schedule does not run, and resuming does not run the ticks missed while paused', async () => {
    const { store, scheduler } = processOver();
    const schedule = await store.create('alice', { ...DAILY_9_KST, paused: true }, clock.now);
    clock.now = new Date('2026-12-03T00:00:01Z');
    expect(await scheduler.check()).toBe(0);
    await store.update('alice', schedule.id, (s) => ({
      ...s,
      paused: false,
      activeSince: clock.now.toISOString(),
    }));
    expect(await scheduler.check()).toBe(0);
    clock.now = new Date('2026-12-04T00:00:01Z');
    expect(await scheduler.check()).toBe(1);
  });

  it('records a run that could not start in the schedule history', async () => {
    const { store, scheduler } = processOver(true);
    const schedule = await store.create('alice', DAILY_9_KST, clock.now);
    clock.now = new Date('2026-12-02T00:00:01Z');
    expect(await scheduler.check()).toBe(1);
    const [entry] = await store.history('alice', schedule.id);
    expect(entry).toMatchObject({ error: 'the connection is gone' });
    expect(entry?.runId).toBeUndefined();
  });
});
