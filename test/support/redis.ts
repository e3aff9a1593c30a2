import { Redis } from 'ioredis';
import { inject } from 'vitest';

/**
 * The redis-server owned by this test worker. Throws (the test fails, it never skips) with the
 * install command when redis-server is not installed.
 */
export function redisUrl(): string {
  const missing = inject('redisMissing');
  if (missing) throw new Error(missing);
  const urls = inject('redisUrls');
  const poolId = Number(process.env.VITEST_POOL_ID ?? '1');
  const url = urls[(poolId - 1) % urls.length];
  if (!url) throw new Error('redis URL not provided: is test/support/redis-global-setup.ts configured?');
  return url;
}

/** Wipes the worker's Redis (FLUSHALL). Call in beforeEach of every file that uses Redis. */
export async function resetRedis(url = redisUrl()): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    await client.flushall();
  } finally {
    client.disconnect();
  }
}
