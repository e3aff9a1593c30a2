import { randomBytes } from 'node:crypto';
import { beforeEach } from 'vitest';
import { createBullmqQueue } from '../../src/jobs/bullmq-queue.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { queueContract } from './queue-contract.js';

beforeEach(async () => resetRedis());

queueContract('BullMQ on Redis', (concurrency, retry) =>
  createBullmqQueue({
    redisUrl: redisUrl(),
    name: `contract-${randomBytes(4).toString('hex')}`,
    concurrency,
    attempts: retry?.attempts ?? 1,
    ...(retry ? { backoffMs: retry.backoffMs } : {}),
  }),
);
