import type { Redis } from 'ioredis';
import { type SessionStore, StoredSession } from './session-store.js';

const SESSION = 'again:session:';
const EPOCH = 'again:session-epoch:';

/** Sessions in Redis, shared by every web instance; Redis expires them (PX). */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;

  constructor(private readonly redis: Redis) {}

  async get(idHash: string): Promise<StoredSession | null> {
    const raw = await this.redis.get(SESSION + idHash);
    if (raw === null) return null;
    try {
      const parsed = StoredSession.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async set(idHash: string, session: StoredSession, ttlMs: number): Promise<void> {
    await this.redis.set(SESSION + idHash, JSON.stringify(session), 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async destroy(idHash: string): Promise<void> {
    await this.redis.del(SESSION + idHash);
  }

  async epochOf(username: string): Promise<number> {
    return Number((await this.redis.get(EPOCH + username)) ?? 0);
  }

  async bumpEpoch(username: string): Promise<number> {
    return await this.redis.incr(EPOCH + username);
  }
}
