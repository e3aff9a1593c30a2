import { Redis } from 'ioredis';
import type { DocumentStore } from '../storage/documents.js';
import type { RateCounter } from './rate-counter.js';
import { EmbeddedRateCounter } from './rate-counter-embedded.js';
import { RedisRateCounter } from './rate-counter-redis.js';
import type { SessionStore } from './session-store.js';
import { EmbeddedSessionStore } from './session-store-embedded.js';
import { RedisSessionStore } from './session-store-redis.js';

export interface AuthStores {
  sessions: SessionStore;
  counters: RateCounter;
  /** The Redis connection in Redis mode (the global rate limit shares it). */
  redis?: Redis;
  close(): Promise<void>;
}

/** Redis when REDIS_URL is set (shared by every web instance), else the project's Storage. */
export function createAuthStores(options: {
  redisUrl?: string;
  documents: DocumentStore;
  now: () => number;
}): AuthStores {
  if (!options.redisUrl) {
    return {
      sessions: new EmbeddedSessionStore(options.documents, options.now),
      counters: new EmbeddedRateCounter(options.documents, options.now),
      close: async () => undefined,
    };
  }
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 2000 });
  return {
    sessions: new RedisSessionStore(redis),
    counters: new RedisRateCounter(redis),
    redis,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
