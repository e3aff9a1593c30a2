import { beforeEach } from 'vitest';
import { createRedisBus } from '../../src/jobs/redis-progress-bus.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { busContract } from './bus-contract.js';

beforeEach(async () => resetRedis());

busContract('Redis streams', () => createRedisBus(redisUrl()));
