/**
 * A collection split into units on BullMQ flows (one process here; test/scale runs them across
 * processes): one child job per region plus one for the global services, merged by the parent
 * into exactly one document per service; the same result as the embedded single unit.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import { createBullmqQueue } from '../../src/jobs/bullmq-queue.js';
import type { JobEvent, JobQueue } from '../../src/jobs/queue.js';
import { keys } from '../../src/storage/keys.js';
import { eventually } from '../support/eventually.js';
import { resetMoto } from '../support/moto.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { makeService, seedBuckets, seedInstances, tempDocuments } from './helpers.js';

const USER = 'alice';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-2'];
const SERVICES = ['ec2', 's3', 'iam'];

describe('a collection split into account × region units (BullMQ flow)', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  beforeAll(async () => {
    await resetMoto();
    env = await tempDocuments();
    await seedInstances('us-east-1', 2);
    await seedInstances('eu-west-1', 1);
    await seedBuckets('us-east-1', ['units-a']);
  });
  beforeEach(async () => resetRedis());
  afterAll(async () => env?.cleanup());

  it('runs one child per region and one for the global services, then merges them once', async () => {
    const queue = await createBullmqQueue({
      redisUrl: redisUrl(),
      name: `units-${randomBytes(4).toString('hex')}`,
      concurrency: 4,
      attempts: 1,
    });
    try {
      const events: JobEvent[] = [];
      queue.subscribe((e) => events.push(e));
      const { service } = makeService(env.documents, {
        runCollection: createRunCollection(),
        queue,
        splitUnits: true,
      });
      const started = await service.start(USER, { services: SERVICES, regions: REGIONS });
      const done = await waitForFinal(service, started.id);
      expect(done.status, JSON.stringify(done)).toBe('completed');
      expect(done.regions).toEqual(REGIONS);
      expect(done.resourceCounts['ec2.instances']).toBe(3);
      expect(done.resourceCounts['s3.buckets']).toBe(1);
      for (const region of REGIONS)
        expect(done.results['ec2.instances']?.[region]).toMatchObject({ status: 'ok' });
      expect(done.results['s3.buckets']?.global).toMatchObject({ status: 'ok' });

      // Every unit ran as its own child job of the collection's job.
      const units = ['global', ...REGIONS].map((unit) => `${started.id}.${unit}`);
      for (const unit of units) expect(events).toContainEqual({ type: 'completed', jobId: unit });

      const stored = await env.documents.list(keys.collectionPrefix(USER, started.id));
      expect(stored.sort()).toEqual(
        [
          keys.collectionMetadata(USER, started.id),
          keys.collectionSearchIndex(USER, started.id),
          ...SERVICES.map((s) => keys.collectionService(USER, started.id, s)),
        ].sort(),
      );
      const ec2 = await service.store.getServiceDocument(USER, started.id, 'ec2');
      expect(ec2?.data['ec2.instances']?.map((r) => r.region).sort()).toEqual([
        'eu-west-1',
        'us-east-1',
        'us-east-1',
      ]);
      // The units' work documents are removed right after the final metadata is written.
      await eventually(async () =>
        expect(await env.documents.list(keys.collectionUnitsPrefix(USER, started.id))).toEqual([]),
      );
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('fails cleanly when its units cannot be queued: failed with a reason, nothing half-written', async () => {
    const real = await createBullmqQueue({
      redisUrl: redisUrl(),
      name: `units-${randomBytes(4).toString('hex')}`,
      concurrency: 4,
      attempts: 1,
    });
    // The real queue refuses the children: BullMQ rejects job ids with ':' before adding any.
    const queue: JobQueue = {
      ...real,
      process: (type, handler) =>
        real.process(type, (payload, ctx) =>
          handler(payload as never, {
            ...ctx,
            fanOut: (children) => ctx.fanOut(children.map((c) => ({ ...c, id: `${c.id}:refused` }))),
          }),
        ),
    };
    try {
      const { service } = makeService(env.documents, {
        runCollection: createRunCollection(),
        queue,
        splitUnits: true,
      });
      const started = await service.start(USER, { services: SERVICES, regions: REGIONS });
      const done = await waitForFinal(service, started.id);
      expect(done.status).toBe('failed');
      expect(done.failureReason).toMatch(/Could not queue the child jobs: Custom Id cannot contain :/);
      // The job itself ended (no retry keeps it running) and no unit ever ran.
      await real.idle();
      expect(await env.documents.list(keys.collectionPrefix(USER, started.id))).toEqual([
        keys.collectionMetadata(USER, started.id),
      ]);
      expect(await env.documents.list(keys.collectionUnitsPrefix(USER, started.id))).toEqual([]);
    } finally {
      await real.close();
    }
  }, 60_000);
});

async function waitForFinal(service: ReturnType<typeof makeService>['service'], id: string) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const current = await service.get(USER, id);
    if (!['queued', 'running'].includes(current.status) || Date.now() > deadline) return current;
    await new Promise((r) => setTimeout(r, 50));
  }
}
