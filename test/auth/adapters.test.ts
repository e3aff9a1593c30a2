import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe } from 'vitest';
import { createAuthStores } from '../../src/auth/stores.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { adapterContract } from './contract.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('embedded adapters (Storage)', () => {
  adapterContract(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'again-auth-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return createAuthStores({ documents: new DocumentStore(new LocalStorage(dir)), now: Date.now });
  });
});

describe('Redis adapters', () => {
  beforeEach(async () => resetRedis());
  adapterContract(async () => {
    const stores = createAuthStores({
      redisUrl: redisUrl(),
      documents: new DocumentStore(new LocalStorage(tmpdir())),
      now: Date.now,
    });
    cleanups.push(() => stores.close());
    return stores;
  });
});
