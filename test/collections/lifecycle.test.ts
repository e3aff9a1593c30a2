import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTART_REASON } from '../../src/collections/service.js';
import type { StoredCollection } from '../../src/collections/types.js';
import { createRunCollection } from '../../src/collectors/runner.js';
import type { RunCollection } from '../../src/core/collection-run.js';
import { keys } from '../../src/storage/keys.js';
import { resetMoto } from '../support/moto.js';
import { makeService, seedInstances, tempDocuments } from './helpers.js';

const USER = 'carol';

function storedCollection(id: string, status: StoredCollection['status']): StoredCollection {
  return {
    id,
    username: USER,
    connectionId: 'conn-1',
    status,
    requestedAt: '2024-01-01T00:00:00.000Z',
    startedAt: '2024-01-01T00:00:01.000Z',
    regions: ['us-east-1'],
    services: ['ec2'],
    results: {},
    errors: [],
    resourceCounts: {},
  };
}

/** A runner that reports progress and then waits until it is cancelled (like a long collection). */
const waitsForCancel: RunCollection = async ({ signal, onProgress }) => {
  onProgress?.({ service: 'ec2', collector: 'ec2.instances', region: 'us-east-1', state: 'running' });
  await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
  onProgress?.({ service: 'ec2', collector: 'ec2.instances', region: 'us-east-1', state: 'skipped' });
  return {
    outcome: {
      regions: ['us-east-1'],
      services: ['ec2'],
      results: { 'ec2.instances': { 'us-east-1': { status: 'skipped', reason: 'cancelled' } } },
      errors: [],
      resourceCounts: {},
    },
    documents: [{ service: 'ec2', collectedAt: new Date().toISOString(), data: { 'ec2.instances': [] } }],
  };
};

describe('collection lifecycle', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  beforeAll(async () => {
    env = await tempDocuments();
  });
  afterAll(async () => env.cleanup());

  it('marks collections left queued or running by a previous process as failed on boot', async () => {
    await env.documents.createJson(
      keys.collectionMetadata(USER, 'old-running'),
      storedCollection('old-running', 'running'),
    );
    await env.documents.createJson(
      keys.collectionMetadata(USER, 'old-queued'),
      storedCollection('old-queued', 'queued'),
    );
    await env.documents.createJson(keys.collectionMetadata('dave', 'old-done'), {
      ...storedCollection('old-done', 'completed'),
      username: 'dave',
    });
    const { service } = makeService(env.documents, { runCollection: waitsForCancel });
    expect(await service.recover()).toBe(2);
    const running = await service.get(USER, 'old-running');
    expect(running).toMatchObject({ status: 'failed', failureReason: RESTART_REASON });
    expect(running.finishedAt).toBeDefined();
    expect(await service.get(USER, 'old-queued')).toMatchObject({ status: 'failed' });
    expect(await service.get('dave', 'old-done')).toMatchObject({ status: 'completed' });
    expect(await service.recover()).toBe(0);
  });

  it('cancels a running collection: status cancelled, no snapshot files, progress ends with done', async () => {
    const { service, queue } = makeService(env.documents, { runCollection: waitsForCancel });
    const job = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    const messages: string[] = [];
    await service.progress.subscribe(job.id, (m) =>
      messages.push(m.type === 'status' ? `status:${m.status}` : m.type),
    );
    while (
      (await queue.state(job.id)) !== 'running' ||
      !(await service.progress.snapshot(job.id))?.entries.length
    )
      await new Promise((r) => setTimeout(r, 10));
    expect(await service.progress.snapshot(job.id)).toMatchObject({ status: 'running' });
    const cancelled = await service.cancel(USER, job.id);
    expect(cancelled.status).toBe('cancelled');
    await queue.idle();
    expect(messages.at(-1)).toBe('done');
    expect(await env.documents.list(keys.collectionPrefix(USER, job.id))).toEqual([
      keys.collectionMetadata(USER, job.id),
    ]);
    expect(await service.progress.snapshot(job.id)).toMatchObject({ status: 'cancelled' });
  });

  it('cancels a queued collection before it ever runs', async () => {
    const { service, queue } = makeService(env.documents, { runCollection: waitsForCancel });
    // Two slots taken by long runs, so the third waits in the queue.
    const a = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    const b = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    const c = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    expect(await queue.state(c.id)).toBe('queued');
    expect((await service.cancel(USER, c.id)).status).toBe('cancelled');
    await service.cancel(USER, a.id);
    await service.cancel(USER, b.id);
    await queue.idle();
    expect((await service.get(USER, c.id)).startedAt).toBeUndefined();
  });

  it('a collection whose run throws is failed with the reason, never left running', async () => {
    const { service, queue } = makeService(env.documents, {
      runCollection: async () => {
        throw new Error('endpoint unreachable');
      },
    });
    const job = await service.start(USER, { services: ['s3'], regions: ['us-east-1'] });
    await queue.idle();
    expect(await service.get(USER, job.id)).toMatchObject({
      status: 'failed',
      failureReason: 'endpoint unreachable',
    });
  });
});

describe('restart during a real collection against the emulator', () => {
  it('a server that dies mid-collection leaves a failed collection after the next boot', async () => {
    await resetMoto();
    await seedInstances('us-east-1', 1);
    const env = await tempDocuments();
    try {
      const first = makeService(env.documents, { runCollection: createRunCollection() });
      const job = await first.service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
      while ((await first.service.get(USER, job.id)).status === 'queued')
        await new Promise((r) => setTimeout(r, 5));
      // The "crash": the process stops; its queue is gone. A new process boots on the same storage.
      const second = makeService(env.documents, { runCollection: createRunCollection() });
      const stillRunning = (await second.service.get(USER, job.id)).status;
      expect(stillRunning).toBe('running');
      expect(await second.service.recover()).toBe(1);
      expect(await second.service.get(USER, job.id)).toMatchObject({
        status: 'failed',
        failureReason: RESTART_REASON,
      });
      // The old process settling late (here: aborted) must not resurrect it: failed is final.
      await first.queue.close();
      expect(await second.service.get(USER, job.id)).toMatchObject({ status: 'failed' });
    } finally {
      await env.cleanup();
    }
  });
});
