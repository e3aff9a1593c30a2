import type { TestProject } from 'vitest/node';
import { type RedisServer, redisMissingReason, startRedis } from './redis-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One redis URL per test worker; empty when redis-server is missing (see redisMissing). */
    redisUrls: string[];
    /** Why there is no Redis (with the install command), or '' when there is. */
    redisMissing: string;
  }
}

/**
 * Starts one redis-server per test worker on a free port; stops them by PID at the end. A missing
 * binary does not stop the whole suite here: every test that needs Redis fails loudly through
 * redisUrl() (test/support/redis.ts) with the install command. Nothing skips.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = redisMissingReason();
  if (missing) {
    project.provide('redisUrls', []);
    project.provide('redisMissing', missing);
    return async () => {};
  }
  const workers = 2;
  const servers: RedisServer[] = await Promise.all(Array.from({ length: workers }, () => startRedis()));
  project.provide(
    'redisUrls',
    servers.map((s) => s.url),
  );
  project.provide('redisMissing', '');
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
