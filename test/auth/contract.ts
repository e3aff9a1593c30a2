import { expect, it } from 'vitest';
import type { RateCounter } from '../../src/auth/rate-counter.js';
import { hashSessionId, type SessionStore, type StoredSession } from '../../src/auth/session-store.js';

export interface Adapters {
  sessions: SessionStore;
  counters: RateCounter;
}

const session = (username: string, epoch = 0): StoredSession => ({
  username,
  signedInAt: 1_000,
  lastSeenAt: 2_000,
  epoch,
});

/** One contract for every SessionStore / RateCounter adapter (embedded and Redis run it). */
export function adapterContract(make: () => Promise<Adapters>): void {
  it('sessions: set, get, destroy, by hashed id', async () => {
    const { sessions } = await make();
    const id = hashSessionId('raw-session-id');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await sessions.get(id)).toBeNull();
    await sessions.set(id, session('alice'), 60_000);
    expect(await sessions.get(id)).toEqual(session('alice'));
    await sessions.set(id, { ...session('alice'), lastSeenAt: 3_000 }, 60_000);
    expect((await sessions.get(id))?.lastSeenAt).toBe(3_000);
    await sessions.destroy(id);
    expect(await sessions.get(id)).toBeNull();
    await sessions.destroy(id); // destroying twice is fine
  });

  it('sessions: generations start at 0 and rise per user', async () => {
    const { sessions } = await make();
    expect(await sessions.epochOf('bob')).toBe(0);
    expect(await sessions.bumpEpoch('bob')).toBe(1);
    expect(await sessions.bumpEpoch('bob')).toBe(2);
    expect(await sessions.epochOf('bob')).toBe(2);
    expect(await sessions.epochOf('carol')).toBe(0);
  });

  it('sessions: a short ttl expires', async () => {
    const { sessions } = await make();
    const id = hashSessionId('short');
    await sessions.set(id, session('dave'), 50);
    await new Promise((r) => setTimeout(r, 120));
    expect(await sessions.get(id)).toBeNull();
  });

  it('counters: hit counts up, records the last hit, peek reads, reset clears', async () => {
    const { counters } = await make();
    expect(await counters.peek('k')).toBeNull();
    expect(await counters.hit('k', 60_000, 100)).toEqual({ count: 1, lastHitAt: 100 });
    expect(await counters.hit('k', 60_000, 200)).toEqual({ count: 2, lastHitAt: 200 });
    expect(await counters.peek('k')).toEqual({ count: 2, lastHitAt: 200 });
    expect(await counters.peek('other')).toBeNull();
    await counters.reset('k');
    expect(await counters.peek('k')).toBeNull();
  });

  it('counters: concurrent hits are all counted', async () => {
    const { counters } = await make();
    await Promise.all(Array.from({ length: 20 }, (_, i) => counters.hit('busy', 60_000, i)));
    expect((await counters.peek('busy'))?.count).toBe(20);
  });

  it('counters: the window expires', async () => {
    const { counters } = await make();
    await counters.hit('brief', 50, 1);
    await new Promise((r) => setTimeout(r, 120));
    expect(await counters.peek('brief')).toBeNull();
    expect((await counters.hit('brief', 60_000, 2)).count).toBe(1);
  });
}
