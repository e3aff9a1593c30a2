/**
 * Guarantee: a worker killed with SIGKILL mid-collection → another worker process takes the job
 * over (BullMQ lease expiry) and the collection completes; exactly one snapshot per service,
 * nothing half-written. The collection runs as units (global + us-east-1, child jobs of a BullMQ
 * flow); the gate holds S3 calls so the first worker is provably mid-run in the global unit.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_UNIT, unitJobId } from '../../src/collections/units.js';
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
  LOCK_MS,
  parsedDocuments,
  STALLED_MS,
  startCluster,
} from './processes.js';

const SERVICES = ['ec2', 's3', 'iam'];
const REGION = 'us-east-1';

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
    await cluster.ready(first);
    const res = await alice.post('/api/collections', { services: SERVICES, regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = CollectionResponse.parse(res.json()).collection;
    // The first worker is mid-run: its S3 calls wait at the gate.
    await heldAtGate(gate);
    expect((await collectionOf(alice, id)).status).toBe('running');

    // Only a running worker checks for stalled jobs (the web process runs none): the second one
    // must be up before the first dies, or nothing ever notices that the units' locks expired.
    const bootedAt = Date.now();
    const second = cluster.startWorker();
    await cluster.ready(second);
    const bootMs = Date.now() - bootedAt;
    await cluster.kill(first, 'SIGKILL');
    const killedAt = Date.now();
    gate.open();
    const done = await finishedCollection(alice, id, 60_000);
    const takeoverMs = Date.now() - killedAt;
    expect(done.status, JSON.stringify(done)).toBe('completed');
    // The units were moved back to wait by the stalled checker, not finished by the dead worker.
    const [global, regional] = await cluster.collectionJobs([
      unitJobId(id, GLOBAL_UNIT),
      unitJobId(id, REGION),
    ]);
    expect(global?.stalledCounter, 'the held global unit was taken over').toBeGreaterThan(0);
    // Lease (LOCK_MS) + two stalled checks + re-running the units on a loaded machine.
    expect(takeoverMs).toBeLessThan(LOCK_MS + 2 * STALLED_MS + 40_000);
    console.info(
      `killed-worker: second worker booted in ${bootMs} ms; takeover ${takeoverMs} ms from SIGKILL to completed; stalled counts: global ${global?.stalledCounter}, ${REGION} ${regional?.stalledCounter}`,
    );
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
