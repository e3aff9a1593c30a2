import { beforeAll } from 'vitest';
import { redisUrl, resetRedis } from '../support/redis.js';
import { askedAgainSuite } from './asked-again.js';

beforeAll(async () => resetRedis());

askedAgainSuite('Redis', () => ({ REDIS_URL: redisUrl() }));
