import { describe, expect, it } from 'vitest';
import type { JobContext, JobEvent, JobQueue, JobRetry } from '../../src/jobs/queue.js';
import { eventually } from '../support/eventually.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Events of one job, in order (jobs of one queue may interleave differently per adapter). */
const eventsOf = (events: JobEvent[], jobId: string) =>
  events.filter((e) => e.jobId === jobId).map((e) => e.type);

/**
 * The JobQueue contract every adapter passes (in-process and BullMQ run the same function).
 * `makeQueue` builds a fresh queue with the given concurrency (and retries: one attempt without);
 * the suite closes it.
 */
export function queueContract(
  name: string,
  makeQueue: (concurrency: number, retry?: JobRetry) => Promise<JobQueue>,
) {
  describe(`job queue contract: ${name}`, () => {
    it('never runs more jobs at once than its concurrency limit', async () => {
      const queue = await makeQueue(2);
      try {
        let running = 0;
        let peak = 0;
        let done = 0;
        queue.process<number>('work', async (ms) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, ms));
          running--;
          done++;
        });
        for (let i = 0; i < 6; i++) await queue.enqueue({ id: `j${i}`, type: 'work', payload: 40 });
        await queue.idle();
        expect(done).toBe(6);
        expect(peak).toBe(2);
        expect(await queue.state('j0')).toBeUndefined();
      } finally {
        await queue.close();
      }
    });

    it('emits queued, started and completed/failed events in order per job', async () => {
      const queue = await makeQueue(1);
      try {
        const events: JobEvent[] = [];
        queue.subscribe((e) => events.push(e));
        queue.process<boolean>('maybe-fail', async (fail) => {
          if (fail) throw new Error('boom');
        });
        await queue.enqueue({ id: 'ok', type: 'maybe-fail', payload: false });
        await queue.enqueue({ id: 'ko', type: 'maybe-fail', payload: true });
        await queue.idle();
        await eventually(() => expect(eventsOf(events, 'ko')).toEqual(['queued', 'started', 'failed']));
        expect(eventsOf(events, 'ok')).toEqual(['queued', 'started', 'completed']);
        expect(events.find((e) => e.jobId === 'ko' && e.type === 'failed')).toMatchObject({ error: 'boom' });
      } finally {
        await queue.close();
      }
    });

    it('cancels a running job through its AbortSignal and a queued one before it starts', async () => {
      const queue = await makeQueue(1);
      try {
        const events: JobEvent[] = [];
        queue.subscribe((e) => events.push(e));
        const started = deferred();
        let secondRan = false;
        queue.process<string>('job', async (which, { signal }) => {
          if (which === 'second') {
            secondRan = true;
            return;
          }
          started.resolve();
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        });
        await queue.enqueue({ id: 'first', type: 'job', payload: 'first' });
        await queue.enqueue({ id: 'second', type: 'job', payload: 'second' });
        await started.promise;
        expect(await queue.state('first')).toBe('running');
        expect(await queue.state('second')).toBe('queued');
        expect(await queue.cancel('second')).toBe(true);
        expect(await queue.cancel('first')).toBe(true);
        await queue.idle();
        expect(secondRan).toBe(false);
        await eventually(() => {
          expect(events).toContainEqual({ type: 'cancelled', jobId: 'first', whileRunning: true });
          expect(events).toContainEqual({ type: 'cancelled', jobId: 'second', whileRunning: false });
        });
        expect(await queue.cancel('first')).toBe(false);
      } finally {
        await queue.close();
      }
    });

    it('fans out child jobs: the parent goes on once every child finished; cancel reaches them', async () => {
      const queue = await makeQueue(2);
      try {
        const ran: string[] = [];
        const after: string[][] = [];
        const childStarted = deferred();
        queue.process<string>('child', async (name, { signal }) => {
          if (name === 'wait-for-cancel') {
            childStarted.resolve();
            await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          }
          ran.push(name);
        });
        queue.process<string[]>('parent', async (names, ctx) => {
          const parentId = names.join('-');
          await ctx.fanOut(names.map((n) => ({ id: `${parentId}.${n}`, type: 'child', payload: n })));
          after.push([...ran].sort());
        });
        await queue.enqueue({ id: 'p1', type: 'parent', payload: ['a', 'b', 'c'] });
        await eventually(() => expect(after).toEqual([['a', 'b', 'c']]));

        ran.length = 0;
        await queue.enqueue({ id: 'p2', type: 'parent', payload: ['wait-for-cancel'] });
        await childStarted.promise;
        expect(await queue.state('p2')).toBe('running');
        expect(await queue.cancel('p2')).toBe(true);
        await eventually(() => expect(after).toHaveLength(2));
        expect(after[1]).toEqual(['wait-for-cancel']);
      } finally {
        await queue.close();
      }
    });

    it('runs a throwing job again with exponential backoff, telling the handler its attempt', async () => {
      const queue = await makeQueue(1, { attempts: 3, backoffMs: 200 });
      try {
        const events: JobEvent[] = [];
        queue.subscribe((e) => events.push(e));
        const tries: { at: number; ctx: Omit<JobContext, 'signal' | 'fanOut'> }[] = [];
        queue.process<number>('flaky', async (succeedOn, { signal: _s, fanOut: _f, ...ctx }) => {
          tries.push({ at: Date.now(), ctx });
          if (ctx.attempt < succeedOn) throw new Error(`try ${ctx.attempt} failed`);
        });
        await queue.enqueue({ id: 'third-time', type: 'flaky', payload: 3 });
        await eventually(() => expect(eventsOf(events, 'third-time')).toContain('completed'), {
          timeoutMs: 10_000,
        });
        expect(tries.map((t) => t.ctx)).toEqual([
          { attempt: 1, finalAttempt: false, redelivered: false },
          { attempt: 2, finalAttempt: false, redelivered: true },
          { attempt: 3, finalAttempt: true, redelivered: true },
        ]);
        const [first, second, third] = tries.map((t) => t.at) as [number, number, number];
        // 200 ms, then 400 ms (timers may fire a little early or late, never half as soon).
        expect(second - first).toBeGreaterThanOrEqual(180);
        expect(third - second).toBeGreaterThanOrEqual(380);

        tries.length = 0;
        await queue.enqueue({ id: 'never', type: 'flaky', payload: 9 });
        await eventually(() => expect(eventsOf(events, 'never')).toContain('failed'), { timeoutMs: 10_000 });
        expect(tries.map((t) => t.ctx.attempt)).toEqual([1, 2, 3]);
      } finally {
        await queue.close();
      }
    });

    it('runs an id again once its job has finished, also after it failed every attempt', async () => {
      const queue = await makeQueue(1, { attempts: 2, backoffMs: 50 });
      try {
        const events: JobEvent[] = [];
        queue.subscribe((e) => events.push(e));
        const runs: boolean[] = [];
        queue.process<boolean>('maybe-fail', async (fail) => {
          runs.push(fail);
          if (fail) throw new Error('refused');
        });
        await queue.enqueue({ id: 'again', type: 'maybe-fail', payload: true });
        await eventually(() => expect(eventsOf(events, 'again')).toContain('failed'), { timeoutMs: 10_000 });
        expect(await queue.state('again')).toBeUndefined();
        // The same id asked again (a refresh after a failed one): it runs, it is not ignored.
        await queue.enqueue({ id: 'again', type: 'maybe-fail', payload: false });
        await eventually(() => expect(eventsOf(events, 'again')).toContain('completed'), {
          timeoutMs: 10_000,
        });
        await queue.enqueue({ id: 'again', type: 'maybe-fail', payload: false });
        await eventually(() => expect(runs).toEqual([true, true, false, false]), { timeoutMs: 10_000 });
      } finally {
        await queue.close();
      }
    });

    it('refuses a duplicate id while the first job is live', async () => {
      const queue = await makeQueue(1);
      try {
        const release = deferred();
        queue.process('slow', () => release.promise);
        await queue.enqueue({ id: 'a', type: 'slow', payload: null });
        await expect(queue.enqueue({ id: 'a', type: 'slow', payload: null })).rejects.toThrow(
          /already queued/,
        );
        release.resolve();
        await queue.idle();
      } finally {
        await queue.close();
      }
    });
  });
}
