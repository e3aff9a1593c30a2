import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Commands wait for a reconnect instead of failing (`maxRetriesPerRequest: null`, BullMQ requires
 * it for workers), so a Redis restart pauses jobs and progress instead of losing them.
 */
const RECONNECT = {
  maxRetriesPerRequest: null,
  retryStrategy: (times: number) => Math.min(times * 100, 2_000),
};

/** BullMQ connection options from REDIS_URL: BullMQ opens and closes its own connections. */
export const bullmqConnection = (redisUrl: string): ConnectionOptions => ({ url: redisUrl, ...RECONNECT });

/** A plain client (commands, pub/sub, streams) from REDIS_URL; its owner disconnects it. */
export const redisClient = (redisUrl: string): Redis =>
  // While Redis is away the client reconnects by itself and its commands wait; the error events
  // of each failed attempt are expected, not unhandled.
  new Redis(redisUrl, RECONNECT).on('error', () => {});
