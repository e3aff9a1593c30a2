import type { AddressInfo } from 'node:net';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CollectionResponse,
  CollectionsResponse,
  DiffResponse,
  ProgressEntry,
  ProgressSnapshot,
  RegionsResponse,
  ResourceResponse,
  ServiceRecordsResponse,
} from '../../src/shared/api/collections.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { seedBuckets, seedInstances, waitForCollection } from './helpers.js';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a whole text/event-stream over a real socket (app.inject cannot stream). */
async function readEvents(
  baseUrl: string,
  path: string,
  cookie: string,
): Promise<{ status: number; events: SseEvent[]; raw: string }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'text/event-stream' } });
  const raw = await res.text(); // resolves when the server closes the stream
  const events = raw
    .split('\n\n')
    .map((block) => {
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return name && data ? { event: name, data: JSON.parse(data) as unknown } : null;
    })
    .filter((e): e is SseEvent => e !== null);
  return { status: res.status, events, raw };
}

describe('collections API through the real Fastify app', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let baseUrl: string;
  let firstId: string;
  let instanceId: string;

  beforeAll(async () => {
    await resetMoto();
    const iam = new IAMClient(motoClientConfig('us-east-1'));
    await iam.send(new CreateUserCommand({ UserName: 'collector' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'collector' }));
    iam.destroy();
    [instanceId] = (await seedInstances('us-east-1', 2, { Name: 'api' })) as [string];
    await seedBuckets('us-east-1', ['routes-bucket']);
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    const conn = await alice.post('/api/connections', {
      kind: 'keys',
      name: 'emulator',
      accessKeyId: key.AccessKey?.AccessKeyId,
      secretAccessKey: key.AccessKey?.SecretAccessKey,
    });
    expect(conn.statusCode, conn.body).toBe(201);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => t?.close());

  it('starts a collection (202) and streams its progress by SSE until done', async () => {
    const res = await alice.post('/api/collections', { services: ['ec2', 's3'], regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    const { collection } = CollectionResponse.parse(res.json());
    firstId = collection.id;
    expect(collection.status).toBe('queued');

    const stream = await readEvents(baseUrl, `/api/collections/${firstId}/progress`, alice.cookieHeader());
    expect(stream.status).toBe(200);
    const names = stream.events.map((e) => e.event);
    expect(names[0]).toBe('snapshot');
    ProgressSnapshot.parse(stream.events[0]?.data);
    expect(names.at(-1)).toBe('done');
    expect(names.filter((n) => n === 'done')).toHaveLength(1);
    const progress = stream.events
      .filter((e) => e.event === 'progress')
      .map((e) => ProgressEntry.parse(e.data));
    const snapshotEntries = ProgressSnapshot.parse(stream.events[0]?.data).entries;
    const seen = [...snapshotEntries, ...progress];
    expect(seen.some((p) => p.collector === 'ec2.instances' && p.state === 'done' && p.count === 2)).toBe(
      true,
    );
    const done = CollectionResponse.parse(stream.events.at(-1)?.data);
    expect(done.collection.status).toBe('completed');
    expect(done.collection.resourceCounts['ec2.instances']).toBe(2);
  });

  it('a reconnect after the end gets the final snapshot and done at once', async () => {
    const again = await readEvents(baseUrl, `/api/collections/${firstId}/progress`, alice.cookieHeader());
    expect(again.events.map((e) => e.event)).toEqual(['snapshot', 'done']);
    const snap = ProgressSnapshot.parse(again.events[0]?.data);
    expect(snap.status).toBe('completed');
    expect(snap.entries).toContainEqual(
      expect.objectContaining({ collector: 'ec2.instances', region: 'us-east-1', state: 'done', count: 2 }),
    );
  });

  it('lists history, serves records with paging and one resource with its metrics', async () => {
    const list = CollectionsResponse.parse((await alice.get('/api/collections')).json());
    expect(list.collections[0]).toMatchObject({ id: firstId, status: 'completed', errorCount: 0 });

    const page = await alice.get(
      `/api/collections/${firstId}/services/ec2?collector=ec2.instances&sort=instanceId&order=desc&limit=1`,
    );
    expect(page.statusCode, page.body).toBe(200);
    const records = ServiceRecordsResponse.parse(page.json());
    expect(records).toMatchObject({ total: 2, limit: 1, collector: 'ec2.instances' });
    expect(records.items).toHaveLength(1);

    const one = await alice.get(`/api/collections/${firstId}/resources/ec2.instances/${instanceId}`);
    expect(one.statusCode, one.body).toBe(200);
    const detail = ResourceResponse.parse(one.json());
    expect(detail.resource).toMatchObject({ instanceId, region: 'us-east-1' });
    expect(detail.resource.tags).toContainEqual({ key: 'Name', value: 'api' });
    expect(detail.metricsCollector).toBe('ec2.instance-metrics');

    const bad = await alice.get(`/api/collections/${firstId}/services/ec2?limit=100000`);
    expect(bad.statusCode).toBe(400);
  });

  it('compares two collections of the same account', async () => {
    const [added] = (await seedInstances('us-east-1', 1)) as [string];
    const res = await alice.post('/api/collections', { services: ['ec2'], regions: ['us-east-1'] });
    const second = CollectionResponse.parse(res.json()).collection;
    await waitForCollection(alice, second.id);
    const diff = await alice.get(`/api/collections/diff?from=${firstId}&to=${second.id}`);
    expect(diff.statusCode, diff.body).toBe(200);
    const body = DiffResponse.parse(diff.json());
    const instances = body.services
      .find((s) => s.service === 'ec2')
      ?.collectors.find((c) => c.collector === 'ec2.instances');
    expect(instances?.added.map((a) => a.id)).toEqual([added]);
    expect(instances?.removed).toEqual([]);
    expect(body.services.map((s) => s.service)).toEqual(['ec2']);
  });

  it('collects only the named collectors (and their dependencies) when `collectors` is given', async () => {
    const res = await alice.post('/api/collections', {
      services: [],
      collectors: ['ec2.security-groups'],
      regions: ['us-east-1'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const started = CollectionResponse.parse(res.json()).collection;
    const done = await waitForCollection(alice, started.id);
    expect(done.status).toBe('completed');
    expect(done.services).toEqual(['ec2']);
    expect(done.collectors).toEqual(['ec2.security-groups']);
    expect(Object.keys(done.results)).toEqual(['ec2.security-groups']);
    // The default security group of the emulator's default VPC.
    expect(done.results['ec2.security-groups']?.['us-east-1']).toMatchObject({ status: 'ok' });
    expect(done.resourceCounts['ec2.security-groups']).toBeGreaterThan(0);
    expect(done.resourceCounts['ec2.instances']).toBeUndefined();
  });

  it('answers bad input with 400 codes, never 500', async () => {
    const cases: [unknown, number][] = [
      [{ services: [], collectors: [], regions: ['us-east-1'] }, 400],
      [{ services: [], collectors: ['ec2.nope'], regions: ['us-east-1'] }, 400],
      [{ services: ['ec3'], regions: ['us-east-1'] }, 400],
      [{ services: ['ec2'], regions: ['not a region'] }, 400],
      [{ services: [], regions: 'all-enabled' }, 400],
      [{ services: ['ec2'] }, 400],
      [{ services: ['ec2'], regions: ['us-east-1'], connectionId: 'nope' }, 404],
    ];
    for (const [body, status] of cases) {
      const res = await alice.post('/api/collections', body as Record<string, unknown>);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toHaveProperty('error.code');
    }
    const noConnection = await bob.post('/api/collections', { services: ['ec2'], regions: ['us-east-1'] });
    expect(noConnection.statusCode).toBe(400);
    expect(noConnection.json()).toMatchObject({ error: { code: 'no_connection' } });
    expect((await alice.get('/api/collections/..%2F..%2Fetc')).statusCode).toBe(404);
    expect((await alice.post(`/api/collections/${firstId}/cancel`)).statusCode).toBe(409);
  });

  it("another user's collection is 404 on every route", async () => {
    const urls: [string, string][] = [
      ['GET', `/api/collections/${firstId}`],
      ['GET', `/api/collections/${firstId}/progress`],
      ['POST', `/api/collections/${firstId}/cancel`],
      ['DELETE', `/api/collections/${firstId}`],
      ['GET', `/api/collections/${firstId}/services/ec2`],
      ['GET', `/api/collections/${firstId}/resources/ec2.instances/${instanceId}`],
      ['GET', `/api/collections/diff?from=${firstId}&to=${firstId}`],
    ];
    for (const [method, url] of urls) {
      const res =
        method === 'GET'
          ? await bob.get(url)
          : method === 'POST'
            ? await bob.post(url)
            : await bob.delete(url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'collection_not_found' } });
    }
    expect(CollectionsResponse.parse((await bob.get('/api/collections')).json()).collections).toEqual([]);
    // Still there for its owner.
    expect((await alice.get(`/api/collections/${firstId}`)).statusCode).toBe(200);
  });

  it('lists selectable regions from DescribeRegions, or the fallback list without a connection', async () => {
    const withConnection = RegionsResponse.parse((await alice.get('/api/regions')).json());
    expect(withConnection.source).toBe('aws');
    expect(withConnection.regions.map((r) => r.name)).toContain('ap-northeast-2');
    const without = RegionsResponse.parse((await bob.get('/api/regions')).json());
    expect(without.source).toBe('fallback');
    expect(without.regions.length).toBeGreaterThan(10);
  });

  it('cancels a running collection through the API; its stream ends with done/cancelled', async () => {
    const res = await alice.post('/api/collections', {
      services: ['ec2', 's3', 'iam'],
      regions: ['us-east-1', 'eu-west-1'],
    });
    const { collection } = CollectionResponse.parse(res.json());
    const streamed = readEvents(baseUrl, `/api/collections/${collection.id}/progress`, alice.cookieHeader());
    const cancelled = await alice.post(`/api/collections/${collection.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(CollectionResponse.parse(cancelled.json()).collection.status).toBe('cancelled');
    const { events } = await streamed;
    expect(events.at(-1)?.event).toBe('done');
    expect(CollectionResponse.parse(events.at(-1)?.data).collection.status).toBe('cancelled');
    expect((await alice.delete(`/api/collections/${collection.id}`)).statusCode).toBe(204);
  });

  it('deletes a finished collection (204), then it is gone', async () => {
    expect((await alice.delete(`/api/collections/${firstId}`)).statusCode).toBe(204);
    expect((await alice.get(`/api/collections/${firstId}`)).statusCode).toBe(404);
    const unauth = await t.app.inject({ method: 'GET', url: '/api/collections' });
    expect(unauth.statusCode).toBe(401);
    expect(z.object({ error: z.object({ code: z.string() }) }).parse(unauth.json()).error.code).toBe(
      'unauthenticated',
    );
  });
});
