/**
 * Guarantee: a worker killed with SIGKILL mid-collection → another worker process takes the job
 * over (BullMQ lease expiry) and the collection completes; exactly one snapshot per service,
 * nothing half-written. The collection runs as units (global + us-east-1, child jobs of a BullMQ
 * flow); the gate holds S3 calls so the first worker is provably mid-run in the global unit.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { keys } from '../../src/storage/keys.js';
import { seedBuckets, seedInstances } from '../collections/helpers.js';
import { eventually } from '../support/eventually.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import {
  type Cluster,
  collectionOf,
  finishedCollection,
  heldAtGate,
  parsedDocuments,
  startCluster,
} from './processes.js';

const SERVICES = ['ec2', 's3', 'iam'];

describe('a worker process killed mid-collection', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    await resetRedis();
    cluster = await startCluster(redisUrl());
    await seedInstances('us-east-1', 2, { Name: 'scale' });
    await seedBuckets('us-east-1', ['scale-bucket']);
  }, 60_000);
  afterAll(async () => cluster?.close());

  it('is taken over by another worker: the collection completes with one snapshot per service', async () => {
    const { gate, alice } = cluster;
    gate.hold('s3');
    const first = cluster.startWorker();
    const res = await alice.post('/api/collections', { services: SERVICES, regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = CollectionResponse.parse(res.json()).collection;
    // The first worker is mid-run: its S3 calls wait at the gate.
    await heldAtGate(gate);
    expect((await collectionOf(alice, id)).status).toBe('running');

    // The second worker boots while the first holds the lease; it takes the job once it stalls.
    cluster.startWorker();
    await cluster.kill(first, 'SIGKILL');
    gate.open();
    // Generous: the second worker boots tsx on a shared, loaded machine before it can take over.
    const done = await finishedCollection(alice, id, 75_000);
    expect(done.status, JSON.stringify(done)).toBe('completed');
    expect(done.errors).toEqual([]);
    expect(done.resourceCounts['ec2.instances']).toBe(2);

    const stored = await cluster.web.storage.list(keys.collectionPrefix('alice', id));
    const index = keys.collectionSearchIndex('alice', id);
    expect(stored).toContain(index);
    const services = stored.filter((k) => !k.endsWith('/metadata.json') && k !== index);
    expect(services.sort()).toEqual(SERVICES.map((s) => keys.collectionService('alice', id, s)).sort());
    // No temporary or partial files beside the documents, and every document parses.
    const onDisk = await readdir(join(cluster.dataDir, keys.collectionPrefix('alice', id)));
    expect(onDisk.sort()).toEqual([...SERVICES.map((s) => `${s}.json`), 'index', 'metadata.json'].sort());
    await parsedDocuments(cluster.dataDir, stored);
    // The units' work documents (global + us-east-1) are gone once the collection is final.
    await eventually(async () =>
      expect(await cluster.web.storage.list(keys.collectionUnitsPrefix('alice', id))).toEqual([]),
    );
  }, 150_000);
});
