import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import {
  FindingCountsResponse,
  ResourceFindingsResponse,
  ResourceSearchResponse,
  SearchIndexSchema,
} from '../../src/shared/api/resources.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { connect, startRun, waitForRun } from '../advisor/seed.js';
import { seedBuckets, seedInstances, waitForCollection } from '../collections/helpers.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';

/**
 * Search across the latest collections (through the index a collection writes when it completes)
 * and a resource's findings from the latest advisor run, end to end on the emulator.
 */
describe('resource search and resource findings', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let collectionId: string;
  let instanceId: string;
  const search = async (agent: Agent, q: string) => {
    const res = await agent.get(`/api/resources/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return ResourceSearchResponse.parse(res.json());
  };

  beforeAll(async () => {
    await resetMoto();
    [instanceId] = (await seedInstances('us-east-1', 1, { Name: 'payments-api', Team: 'Payments' })) as [
      string,
    ];
    await seedInstances('us-east-1', 2, { Name: 'web-frontend', Team: 'Web' });
    await seedBuckets('us-east-1', ['search-logs-bucket']);
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
    const res = await alice.post('/api/collections', { services: ['ec2', 's3'], regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    collectionId = CollectionResponse.parse(res.json()).collection.id;
    expect((await waitForCollection(alice, collectionId)).status).toMatch(/^completed/);
  });
  afterAll(async () => t?.close());

  it('writes a compact search index once, when the collection completes', async () => {
    const docs = new DocumentStore(t.storage);
    const index = await docs.getJson(keys.collectionSearchIndex('alice', collectionId), SearchIndexSchema);
    expect(index?.value.collectionId).toBe(collectionId);
    const entry = index?.value.entries.find((e) => e.id === instanceId);
    expect(entry).toMatchObject({ collector: 'ec2.instances', name: 'payments-api', region: 'us-east-1' });
    expect(entry?.tags).toContainEqual(['Team', 'Payments']);
    expect(
      index?.value.entries.some((e) => e.collector === 's3.buckets' && e.id === 'search-logs-bucket'),
    ).toBe(true);
    // Metrics and other non-inventory records stay out of it.
    expect(index?.value.entries.every((e) => !e.collector.includes('metrics'))).toBe(true);
  });

  it('finds resources by id, name, tag key=value, type and region', async () => {
    const byId = await search(alice, instanceId);
    expect(byId.results[0]).toMatchObject({
      resourceId: instanceId,
      collectionId,
      collector: 'ec2.instances',
    });
    expect((await search(alice, 'payments-api')).results.map((r) => r.resourceId)).toEqual([instanceId]);
    const byTag = await search(alice, 'team=payments');
    expect(byTag.results.map((r) => r.resourceId)).toEqual([instanceId]);
    expect(byTag.results[0]?.tags).toContainEqual({ key: 'Team', value: 'Payments' });
    expect((await search(alice, 'Team=')).total).toBe(3);
    expect((await search(alice, 'ec2.instances us-east-1')).total).toBe(3);
    expect((await search(alice, 'bucket')).results.map((r) => r.resourceId)).toContain('search-logs-bucket');
    expect((await search(alice, 'nothing-like-this')).total).toBe(0);
  });

  it('answers 400 to a missing, empty or oversized query', async () => {
    for (const url of [
      '/api/resources/search',
      '/api/resources/search?q=',
      `/api/resources/search?q=${'x'.repeat(201)}`,
      '/api/resources/search?q=a&limit=0',
      '/api/resources/findings?collectionId=x',
      `/api/resources/findings?collectionId=${collectionId}&collector=nope&resourceId=a&region=us-east-1`,
      `/api/resources/findings?collectionId=${collectionId}&collector=ec2.instances&resourceId=a&region=moon`,
      `/api/resources/finding-counts?collectionId=${collectionId}&service=nope`,
    ]) {
      const res = await alice.get(url);
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('lists a resource findings (open, muted, passed) and savings from the latest run, and counts per resource', async () => {
    const empty = await alice.get(
      `/api/resources/findings?collectionId=${collectionId}&collector=ec2.instances&resourceId=${instanceId}&region=us-east-1`,
    );
    expect(ResourceFindingsResponse.parse(empty.json())).toMatchObject({ run: null, open: [], passed: [] });
    const run = await startRun(alice, { services: ['ec2'], collectionId });
    expect((await waitForRun(alice, run.runId)).run.status).toBe('completed');
    const url = `/api/resources/findings?collectionId=${collectionId}&collector=ec2.instances&resourceId=${instanceId}&region=us-east-1`;
    const before = ResourceFindingsResponse.parse((await alice.get(url)).json());
    expect(before.run?.runId).toBe(run.runId);
    expect(before.open.length).toBeGreaterThan(0);
    expect(before.passed.length).toBeGreaterThan(0);
    expect([...before.open, ...before.passed].every((f) => f.resourceId === instanceId)).toBe(true);
    const counts = FindingCountsResponse.parse(
      (await alice.get(`/api/resources/finding-counts?collectionId=${collectionId}&service=ec2`)).json(),
    );
    const own = counts.counts.find((c) => c.resourceId === instanceId);
    expect(own?.open).toBe(before.open.length);
    expect(own?.severity).toBe(before.open[0]?.severity);

    const muted = before.open[0];
    const mute = await alice.post('/api/advisor/mutes', {
      checkId: muted?.checkId,
      resourceId: instanceId,
      reason: 'known',
    });
    expect(mute.statusCode, mute.body).toBe(201);
    const after = ResourceFindingsResponse.parse((await alice.get(url)).json());
    expect(after.muted.map((f) => f.checkId)).toEqual([muted?.checkId]);
    expect(after.open).toHaveLength(before.open.length - 1);
  });

  it('shows another user nothing of it', async () => {
    expect((await search(bob, instanceId)).total).toBe(0);
    expect((await search(bob, 'team=payments')).total).toBe(0);
    for (const url of [
      `/api/resources/findings?collectionId=${collectionId}&collector=ec2.instances&resourceId=${instanceId}&region=us-east-1`,
      `/api/resources/finding-counts?collectionId=${collectionId}&service=ec2`,
    ]) {
      const res = await bob.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(instanceId);
    }
  });
});
