/**
 * Guarantee: cancel from the web process (WORKERS=0) stops the collection running in a separate
 * worker process within 5 s. The gate holds S3 calls so the worker is provably mid-run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { keys } from '../../src/storage/keys.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import {
  type Cluster,
  collectionOf,
  finishedCollection,
  heldAtGate,
  parsedDocuments,
  startCluster,
} from './processes.js';

describe('cancel from the web process', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    await resetRedis();
    cluster = await startCluster(redisUrl());
  }, 60_000);
  afterAll(async () => cluster?.close());

  it('stops the collection running in another worker process within 5 s', async () => {
    const { gate, alice } = cluster;
    gate.hold('s3');
    const worker = cluster.startWorker();
    const res = await alice.post('/api/collections', { services: ['ec2', 's3'], regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = CollectionResponse.parse(res.json()).collection;
    await heldAtGate(gate);
    expect((await collectionOf(alice, id)).status).toBe('running');

    const askedAt = Date.now();
    const cancel = await alice.post(`/api/collections/${id}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    // The gate never lets S3 through: only the worker's abort can end this run.
    const cancelled = await finishedCollection(alice, id, 5_000);
    expect(cancelled.status).toBe('cancelled');
    expect(Date.now() - askedAt).toBeLessThan(5_000);
    expect(cancelled.finishedAt).toBeDefined();
    expect(worker.exitCode).toBeNull();
    expect(cancelled.results['s3.buckets']?.global).toMatchObject({ status: 'skipped' });
    // Services finished before the cancel keep their document (written as each completes); the
    // held service, cancelled mid-run, stores none — and nothing half-written remains.
    const stored = await cluster.web.storage.list(keys.collectionPrefix('alice', id));
    expect(stored).toContain(keys.collectionMetadata('alice', id));
    expect(stored).not.toContain(keys.collectionService('alice', id, 's3'));
    await parsedDocuments(cluster.dataDir, stored);
  }, 90_000);
});
