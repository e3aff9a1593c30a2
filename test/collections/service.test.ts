import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredServiceDocument } from '../../src/collections/store.js';
import { createRunCollection } from '../../src/collectors/runner.js';
import { PreconditionFailedError } from '../../src/core/storage.js';
import { CollectionMetadataSchema } from '../../src/shared/api/collections.js';
import { keys } from '../../src/storage/keys.js';
import { resetMoto } from '../support/moto.js';
import { ACCOUNT_ID, makeService, seedBuckets, seedInstances, tempDocuments } from './helpers.js';

const USER = 'alice';

describe('collection service against the emulator', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  let east: string[];
  beforeAll(async () => {
    await resetMoto();
    env = await tempDocuments();
    east = await seedInstances('us-east-1', 2, { Name: 'web' });
    await seedInstances('eu-west-1', 1);
    await seedBuckets('us-east-1', ['collect-a']);
    await seedBuckets('eu-west-1', ['collect-b']);
  });
  afterAll(async () => env.cleanup());

  it('runs a collection in the background and writes every service file before the final metadata', async () => {
    const { service, queue } = makeService(env.documents, { runCollection: createRunCollection() });
    const started = await service.start(USER, {
      services: ['ec2', 's3'],
      regions: ['us-east-1', 'eu-west-1'],
    });
    expect(started.status).toBe('queued');
    expect(started.accountId).toBe(ACCOUNT_ID);
    const seen: string[] = [];
    await service.progress.subscribe(started.id, (m) => seen.push(m.type), '0');
    await queue.idle();

    const meta = await service.get(USER, started.id);
    expect(CollectionMetadataSchema.parse(meta)).toBeTruthy();
    expect(meta.status).toBe('completed');
    expect(meta.startedAt).toBeDefined();
    expect(meta.durationMs).toBeGreaterThanOrEqual(0);
    expect(meta.resourceCounts['ec2.instances']).toBe(3);
    expect(meta.resourceCounts['s3.buckets']).toBe(2);
    expect(meta.results['ec2.instances']?.['us-east-1']).toMatchObject({ status: 'ok', count: 2 });
    expect(meta.results['ec2.instances']?.['eu-west-1']).toMatchObject({ status: 'ok', count: 1 });
    expect(seen).toContain('progress');
    expect(seen.at(-1)).toBe('done');

    const ec2 = await env.documents.getJson(
      keys.collectionService(USER, started.id, 'ec2'),
      StoredServiceDocument,
    );
    expect(ec2?.value.collectionId).toBe(started.id);
    const ids = (ec2?.value.data['ec2.instances'] ?? []).map((r) => r.instanceId);
    expect(ids).toEqual(expect.arrayContaining(east));
    const s3 = await env.documents.getJson(
      keys.collectionService(USER, started.id, 's3'),
      StoredServiceDocument,
    );
    expect((s3?.value.data['s3.buckets'] ?? []).map((b) => b.name).sort()).toEqual([
      'collect-a',
      'collect-b',
    ]);

    // Immutable: the snapshot files are create-only, and a finished collection cannot be cancelled.
    await expect(
      env.documents.createJson(keys.collectionService(USER, started.id, 'ec2'), { tampered: true }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(service.cancel(USER, started.id)).rejects.toMatchObject({ code: 'collection_not_running' });

    const list = await service.list(USER);
    expect(list[0]).toMatchObject({ id: started.id, status: 'completed', errorCount: 0 });
    expect(await service.list('bob')).toEqual([]);
    await expect(service.get('bob', started.id)).rejects.toMatchObject({ code: 'collection_not_found' });
  });

  it('refuses bad input with clear codes before anything is stored', async () => {
    const { service } = makeService(env.documents, { runCollection: createRunCollection() });
    const before = (await service.list(USER)).length;
    await expect(service.start(USER, { services: ['ec3'], regions: ['us-east-1'] })).rejects.toMatchObject({
      code: 'unknown_service',
      kind: 'invalid',
    });
    await expect(service.start(USER, { services: ['ec2'], regions: ['mars-1'] })).rejects.toMatchObject({
      code: 'region_invalid',
    });
    await expect(service.start(USER, { services: [], regions: ['us-east-1'] })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      service.start(USER, { connectionId: 'missing', services: ['ec2'], regions: ['us-east-1'] }),
    ).rejects.toMatchObject({ code: 'connection_not_found' });
    expect((await service.list(USER)).length).toBe(before);
  });

  it('deletes a finished collection with its files and refuses to delete a running one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { service, queue } = makeService(env.documents, {
      runCollection: async () => {
        await gate;
        return {
          outcome: { regions: ['us-east-1'], services: ['iam'], results: {}, errors: [], resourceCounts: {} },
          documents: [{ service: 'iam', collectedAt: new Date().toISOString(), data: { 'iam.users': [] } }],
        };
      },
    });
    const job = await service.start(USER, { services: ['iam'], regions: ['us-east-1'] });
    await expect(service.remove(USER, job.id)).rejects.toMatchObject({ code: 'collection_running' });
    release();
    await queue.idle();
    // metadata.json, iam.json and the search index written when it completed.
    expect((await env.documents.list(keys.collectionPrefix(USER, job.id))).length).toBe(3);
    await service.remove(USER, job.id);
    expect(await env.documents.list(keys.collectionPrefix(USER, job.id))).toEqual([]);
    await expect(service.get(USER, job.id)).rejects.toMatchObject({ code: 'collection_not_found' });
  });
});
