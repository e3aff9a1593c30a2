import { describe, expect, it } from 'vitest';
import type { BusEntry, ProgressBus } from '../../src/jobs/progress-bus.js';
import { eventually } from '../support/eventually.js';

/** The ProgressBus contract every adapter passes (memory and Redis streams run the same function). */
export function busContract(name: string, makeBus: () => ProgressBus) {
  describe(`progress bus contract: ${name}`, () => {
    it('keeps a topic in order and replays its history', async () => {
      const bus = makeBus();
      try {
        const ids = [await bus.publish('t', { n: 1 }), await bus.publish('t', { n: 2 })];
        await bus.publish('other', { n: 99 });
        const history = await bus.history('t');
        expect(history).toEqual([
          { id: ids[0], message: { n: 1 } },
          { id: ids[1], message: { n: 2 } },
        ]);
        expect(await bus.history('never')).toEqual([]);
      } finally {
        await bus.close();
      }
    });

    it('follows from an id: the entries after it, then live ones, until stopped', async () => {
      const bus = makeBus();
      try {
        const first = await bus.publish('t', 'a');
        await bus.publish('t', 'b');
        const seen: BusEntry[] = [];
        const stop = await bus.follow('t', first, (e) => seen.push(e));
        await bus.publish('t', 'c');
        await eventually(() => expect(seen.map((e) => e.message)).toEqual(['b', 'c']));
        stop();
        await bus.publish('t', 'd');
        await new Promise((r) => setTimeout(r, 100));
        expect(seen.map((e) => e.message)).toEqual(['b', 'c']);
      } finally {
        await bus.close();
      }
    });

    it('follows from "0" (the start) and resumes after the last id a reader saw', async () => {
      const bus = makeBus();
      try {
        for (const m of ['a', 'b', 'c']) await bus.publish('t', m);
        const seen: BusEntry[] = [];
        const stop = await bus.follow('t', '0', (e) => seen.push(e));
        await eventually(() => expect(seen).toHaveLength(3));
        stop();
        const resumed: unknown[] = [];
        const stop2 = await bus.follow('t', seen[1]?.id ?? '', (e) => resumed.push(e.message));
        await eventually(() => expect(resumed).toEqual(['c']));
        stop2();
      } finally {
        await bus.close();
      }
    });
  });
}
