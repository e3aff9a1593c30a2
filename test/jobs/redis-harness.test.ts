import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redisUrl, resetRedis } from '../support/redis.js';

describe('test Redis (one redis-server per test worker)', () => {
  const client = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  beforeEach(async () => resetRedis());
  afterAll(() => client.disconnect());

  it('answers and starts empty after a reset', async () => {
    expect(await client.ping()).toBe('PONG');
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    await resetRedis();
    expect(await client.dbsize()).toBe(0);
  });

  it('keeps nothing on disk (no RDB snapshots, no AOF)', async () => {
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
  });
});
