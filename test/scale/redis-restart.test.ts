/**
 * Guarantee: Redis restarted mid-run → the collection continues after the reconnect and nothing is
 * lost. BullMQ keeps jobs only in Redis, so without persistence a restart loses them (nothing can
 * continue); this Redis runs with the append-only file (fsync always) in its own folder, as a
 * production Redis for BullMQ must. The queue's clients wait for the reconnect instead of failing
 * (src/jobs/redis-connection.ts). The gate holds S3 so a unit is provably mid-run at the restart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import { createBullmqQueue } from '../../src/jobs/bullmq-queue.js';
import { createRedisBus } from '../../src/jobs/redis-progress-bus.js';
import { keys } from '../../src/storage/keys.js';
import { type Gate, startGate } from '../advisor/gate.js';
import {
  makeService,
  motoAccess,
  seedBuckets,
  seedInstances,
  tempDocuments,
} from '../collections/helpers.js';
import { eventually } from '../support/eventually.js';
import { motoEndpoint, resetMoto } from '../support/moto.js';
import { type RedisServer, startRedis } from '../support/redis-process.js';

const USER = 'alice';
const SERVICES = ['ec2', 's3', 'iam'];
const REGIONS = ['us-east-1', 'eu-west-1'];

describe('Redis restarted mid-run', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  let redisDir: string;
  let redis: RedisServer;
  let gate: Gate;

  beforeAll(async () => {
    await resetMoto();
    env = await tempDocuments();
    redisDir = await mkdtemp(join(tmpdir(), 'again-redis-aof-'));
    redis = await startRedis(undefined, redisDir);
    gate = await startGate(motoEndpoint());
    await seedInstances('us-east-1', 2);
    await seedInstances('eu-west-1', 1);
    await seedBuckets('us-east-1', ['restart-bucket']);
  }, 60_000);
  afterAll(async () => {
    gate?.open();
    await gate?.close();
    await redis?.stop();
    await env?.cleanup();
    if (redisDir) await rm(redisDir, { recursive: true, force: true });
  });

  it('continues the collection after the reconnect: completed, one snapshot per service', async () => {
    const queue = await createBullmqQueue({
      redisUrl: redis.url,
      name: `restart-${randomBytes(4).toString('hex')}`,
      concurrency: 4,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
    });
    const bus = createRedisBus(redis.url, `restart-${randomBytes(4).toString('hex')}`);
    try {
      const { service } = makeService(env.documents, {
        runCollection: createRunCollection(),
        resolveCredentials: motoAccess(gate.endpoint),
        queue,
        bus,
        splitUnits: true,
      });
      gate.hold('s3');
      const started = await service.start(USER, { services: SERVICES, regions: REGIONS });
      await eventually(() => gate.waiting() > 0, { timeoutMs: 30_000, intervalMs: 50 });
      expect((await service.get(USER, started.id)).status).toBe('running');

      await redis.stop();
      // Down for longer than a lease: the held unit's lock expires and the job is re-run or resumed.
      await new Promise((r) => setTimeout(r, 2_500));
      redis = await startRedis(redis.port, redisDir);
      gate.open();

      const done = await eventually(
        async () => {
          const c = await service.get(USER, started.id);
          if (['queued', 'running'].includes(c.status)) throw new Error(`still ${c.status}`);
          return c;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      expect(done.status, JSON.stringify(done)).toBe('completed');
      expect(done.errors).toEqual([]);
      expect(done.resourceCounts['ec2.instances']).toBe(3);
      expect(done.resourceCounts['s3.buckets']).toBe(1);
      const stored = await env.documents.list(keys.collectionPrefix(USER, started.id));
      expect(stored.sort()).toEqual(
        [
          keys.collectionMetadata(USER, started.id),
          keys.collectionSearchIndex(USER, started.id),
          ...SERVICES.map((s) => keys.collectionService(USER, started.id, s)),
        ].sort(),
      );
      const s3 = await service.store.getServiceDocument(USER, started.id, 's3');
      expect(s3?.data['s3.buckets']?.map((b) => b.name)).toEqual(['restart-bucket']);
      await eventually(async () =>
        expect(await env.documents.list(keys.collectionUnitsPrefix(USER, started.id))).toEqual([]),
      );
    } finally {
      await queue.close();
      await bus.close();
    }
  }, 120_000);
});
