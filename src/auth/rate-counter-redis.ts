import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CounterState, RateCounter } from './rate-counter.js';

const PREFIX = 'again:counter:';
const keyOf = (key: string) => PREFIX + createHash('sha256').update(key).digest('hex');

/** Counters in Redis, shared by every web instance; the window is the key's expiry. */
export class RedisRateCounter implements RateCounter {
  readonly kind = 'redis' as const;

  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number, at: number): Promise<CounterState> {
    const k = keyOf(key);
    // One transaction: the count, the time, and the expiry set only when the window starts.
    const results = await this.redis
      .multi()
      .hincrby(k, 'count', 1)
      .hset(k, 'lastHitAt', String(at))
      .pexpire(k, windowMs, 'NX')
      .exec();
    const count = Number(results?.[0]?.[1] ?? 1);
    return { count, lastHitAt: at };
  }

  async peek(key: string): Promise<CounterState | null> {
    const fields = await this.redis.hgetall(keyOf(key));
    if (fields.count === undefined) return null;
    return { count: Number(fields.count), lastHitAt: Number(fields.lastHitAt ?? 0) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(keyOf(key));
  }
}
