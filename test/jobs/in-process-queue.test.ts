import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import type { JobEvent } from '../../src/jobs/queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('in-process job queue', () => {
  it('never runs more jobs at once than its concurrency limit', async () => {
    const queue = createInProcessQueue({ concurrency: 2 });
    let running = 0;
    let peak = 0;
    queue.process<number>('work', async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
    });
    for (let i = 0; i < 6; i++) queue.enqueue({ id: `j${i}`, type: 'work', payload: 15 });
    await queue.idle();
    expect(peak).toBe(2);
    expect(queue.state('j0')).toBeUndefined();
  });

  it('emits queued, started and completed/failed events in order', async () => {
    const queue = createInProcessQueue({ concurrency: 1 });
    const events: JobEvent[] = [];
    queue.subscribe((e) => events.push(e));
    queue.process<boolean>('maybe-fail', async (fail) => {
      if (fail) throw new Error('boom');
    });
    queue.enqueue({ id: 'ok', type: 'maybe-fail', payload: false });
    queue.enqueue({ id: 'ko', type: 'maybe-fail', payload: true });
    await queue.idle();
    expect(events.map((e) => `${e.type}:${e.jobId}`)).toEqual([
      'queued:ok',
      'queued:ko',
      'started:ok',
      'completed:ok',
      'started:ko',
      'failed:ko',
    ]);
    expect(events.at(-1)).toMatchObject({ error: 'boom' });
  });

  it('cancels a running job through its AbortSignal and a queued one before it starts', async () => {
    const queue = createInProcessQueue({ concurrency: 1 });
    const events: JobEvent[] = [];
    queue.subscribe((e) => events.push(e));
    const started = deferred();
    let secondRan = false;
    queue.process<string>('job', async (name, { signal }) => {
      if (name === 'second') {
        secondRan = true;
        return;
      }
      started.resolve();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    });
    queue.enqueue({ id: 'first', type: 'job', payload: 'first' });
    queue.enqueue({ id: 'second', type: 'job', payload: 'second' });
    await started.promise;
    expect(queue.state('first')).toBe('running');
    expect(queue.state('second')).toBe('queued');
    expect(queue.cancel('second')).toBe(true);
    expect(queue.cancel('first')).toBe(true);
    await queue.idle();
    expect(secondRan).toBe(false);
    expect(events).toContainEqual({ type: 'cancelled', jobId: 'first', whileRunning: true });
    expect(events).toContainEqual({ type: 'cancelled', jobId: 'second', whileRunning: false });
    expect(queue.cancel('first')).toBe(false);
  });

  it('refuses duplicate ids and unknown job types', () => {
    const queue = createInProcessQueue();
    queue.process('slow', () => new Promise(() => {}));
    queue.enqueue({ id: 'a', type: 'slow', payload: null });
    expect(() => queue.enqueue({ id: 'a', type: 'slow', payload: null })).toThrow(/already queued/);
    expect(() => queue.enqueue({ id: 'b', type: 'nope', payload: null })).toThrow(/No handler/);
  });
});
