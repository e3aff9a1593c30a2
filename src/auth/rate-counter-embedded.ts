import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import type { CounterState, RateCounter } from './rate-counter.js';

const CounterDocument = z.object({ count: z.number().int(), lastHitAt: z.number(), expiresAt: z.number() });
type CounterDocument = z.infer<typeof CounterDocument>;

const keyOf = (key: string) => keys.authCounter(createHash('sha256').update(key).digest('hex'));

/**
 * Counters in the project's Storage, so throttles survive a restart. Every hit is one
 * compare-and-swap write: concurrent failures are all counted.
 */
export class EmbeddedRateCounter implements RateCounter {
  readonly kind = 'embedded' as const;

  constructor(
    private readonly documents: DocumentStore,
    private readonly now: () => number,
  ) {}

  private live(doc: CounterDocument | null): CounterDocument | null {
    return doc && doc.expiresAt > this.now() ? doc : null;
  }

  async hit(key: string, windowMs: number, at: number): Promise<CounterState> {
    const next = await this.documents.updateJson(keyOf(key), CounterDocument, (current) => {
      const live = this.live(current);
      return live
        ? { ...live, count: live.count + 1, lastHitAt: at }
        : { count: 1, lastHitAt: at, expiresAt: this.now() + windowMs };
    });
    return { count: next.count, lastHitAt: next.lastHitAt };
  }

  async peek(key: string): Promise<CounterState | null> {
    const stored = await this.documents.getJson(keyOf(key), CounterDocument).catch(() => null);
    const live = this.live(stored?.value ?? null);
    return live ? { count: live.count, lastHitAt: live.lastHitAt } : null;
  }

  async reset(key: string): Promise<void> {
    await this.documents.delete(keyOf(key));
  }
}
