/**
 * Redis mode: schedules are BullMQ job schedulers. Two real worker processes (`npm run worker`)
 * listen on the schedules queue; the web process (WORKERS=0) only mirrors schedules into Redis.
 *
 * How time is driven: a schedule's next tick is one delayed job in Redis (`repeat:{id}:{ms}`).
 * When its time comes BullMQ moves it from delayed to waiting, and the two workers race for it. The
 * test does exactly that move early with `job.promote()`, so both processes see the tick at the same
 * instant they would at 09:00, and the next tick (computed by BullMQ from the promoted one's time,
 * not from the wall clock) is the following day's. An every-second cron would need the 15-minute
 * minimum interval switched off for tests and would start a real scan every second; an injected
 * clock cannot reach into two child processes and Redis's delayed-job timestamps.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullmqConnection } from '../../src/jobs/redis-connection.js';
import { SCHEDULED_RUN_JOB, SCHEDULES_QUEUE } from '../../src/schedules/bullmq-scheduler.js';
import { AdvisorRunsResponse } from '../../src/shared/api/advisor.js';
import { ScheduledRunsResponse, ScheduleResponse } from '../../src/shared/api/notify.js';
import { type Cluster, startCluster } from '../scale/processes.js';
import { eventually } from '../support/eventually.js';
import { redisUrl, resetRedis } from '../support/redis.js';

describe('BullMQ job schedulers across two worker processes', () => {
  let cluster: Cluster;
  let queue: Queue;

  beforeAll(async () => {
    await resetRedis();
    cluster = await startCluster(redisUrl());
    queue = new Queue(SCHEDULES_QUEUE, { connection: bullmqConnection(redisUrl()), prefix: 'again' });
  }, 60_000);
  afterAll(async () => {
    await queue?.close();
    await cluster?.close();
  });

  const history = async (id: string) => {
    const res = await cluster.alice.get(`/api/schedules/${id}/runs`);
    expect(res.statusCode, res.body).toBe(200);
    return ScheduledRunsResponse.parse(res.json()).runs;
  };
  /** The scheduler's pending tick: the delayed job BullMQ made for it. */
  const pendingTick = async (id: string) => {
    const scheduler = await queue.getJobScheduler(id);
    if (!scheduler?.next) throw new Error(`no pending tick for ${id}`);
    return scheduler.next;
  };
  /** "The clock reaches the tick": the delayed job moves to waiting, where both workers race for it. */
  const reachTick = async (id: string, tick: number) => {
    const job = await queue.getJob(`repeat:${id}:${tick}`);
    if (!job) throw new Error(`no job for tick ${tick}`);
    await job.promote();
  };

  it('starts each tick exactly once, re-syncs at start-up and follows pause and delete', async () => {
    const { alice } = cluster;
    const workers = [cluster.startWorker(), cluster.startWorker()];
    const conn = (await alice.get('/api/connections')).json() as { connections: { id: string }[] };
    const created = await alice.post('/api/schedules', {
      name: '매일 아침 점검',
      connectionId: conn.connections[0]?.id,
      cron: '0 9 * * *',
      timeZone: 'Asia/Seoul',
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = ScheduleResponse.parse(created.json()).schedule;
    const tick1 = await pendingTick(schedule.id);
    expect(new Date(tick1).toISOString()).toBe(schedule.nextRuns[0]); // 09:00 KST, as the preview says
    const scheduler = await queue.getJobScheduler(schedule.id);
    expect(scheduler).toMatchObject({ pattern: '0 9 * * *', tz: 'Asia/Seoul' });
    // Both processes must be listening, or there is no race to win.
    // Generous: each worker process boots tsx and the SDK first, slow on a loaded machine.
    await eventually(
      async () => {
        for (const w of workers) expect(w.exitCode, 'a worker process exited').toBeNull();
        expect((await queue.getWorkers()).length).toBeGreaterThanOrEqual(2);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );

    await reachTick(schedule.id, tick1);
    await eventually(async () => expect((await history(schedule.id))[0]?.runId).toBeDefined(), {
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    const tick2 = await eventually(async () => {
      const next = await pendingTick(schedule.id);
      expect(next).toBeGreaterThan(tick1);
      return next;
    });
    expect(tick2 - tick1).toBe(24 * 3600_000);
    await reachTick(schedule.id, tick2);
    // A job of an already started tick (what BullMQ re-runs when a worker dies mid-job) starts nothing.
    await queue.add(
      SCHEDULED_RUN_JOB,
      { username: 'alice', scheduleId: schedule.id },
      { jobId: 'redelivered-tick-1', prevMillis: tick1 },
    );
    await eventually(async () => expect((await history(schedule.id))[0]?.runId).toBeDefined(), {
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    await eventually(
      async () => expect((await queue.getJob('redelivered-tick-1'))?.returnvalue).toBe('already claimed'),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    // Give a duplicate every chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    const runs = await history(schedule.id);
    expect(runs.map((r) => r.tick)).toEqual([new Date(tick2).toISOString(), new Date(tick1).toISOString()]);
    expect(runs.every((r) => r.runId && !r.error)).toBe(true);
    const advisorRuns = AdvisorRunsResponse.parse((await alice.get('/api/advisor/runs')).json()).runs;
    expect(advisorRuns.map((r) => r.runId).sort()).toEqual(runs.map((r) => r.runId).sort());

    // Redis lost the scheduler (flushed, restored from an old dump): a starting process re-creates
    // it from storage and drops schedulers storage does not know.
    await queue.removeJobScheduler(schedule.id);
    await queue.upsertJobScheduler('sch-000000000000', { pattern: '0 9 * * *' }, { name: SCHEDULED_RUN_JOB });
    await cluster.kill(workers[0] as NonNullable<(typeof workers)[0]>);
    cluster.startWorker();
    await eventually(
      async () => {
        expect(await queue.getJobScheduler(schedule.id)).toBeDefined();
        expect(await queue.getJobScheduler('sch-000000000000')).toBeUndefined();
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );

    const paused = await alice.post(`/api/schedules/${schedule.id}/pause`, { paused: true });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(await queue.getJobScheduler(schedule.id)).toBeUndefined();
    await alice.post(`/api/schedules/${schedule.id}/pause`, { paused: false });
    expect(await queue.getJobScheduler(schedule.id)).toBeDefined();
    expect((await alice.delete(`/api/schedules/${schedule.id}`)).statusCode).toBe(204);
    expect(await queue.getJobScheduler(schedule.id)).toBeUndefined();
  }, 400_000);
});
