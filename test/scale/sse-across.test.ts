/**
 * Guarantee: SSE progress works when the web process (WORKERS=0) and the worker are different
 * processes, including a reconnect with Last-Event-ID (only later events are replayed).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { eventually } from '../support/eventually.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { type Cluster, heldAtGate, startCluster } from './processes.js';

interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

/** An open event stream read block by block; `until` resolves once the events satisfy it. */
function openStream(url: string, cookie: string, lastEventId?: string) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  let ended = false;
  const reading = (async () => {
    const res = await fetch(url, {
      headers: {
        cookie,
        accept: 'text/event-stream',
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        const id = /^id: (.+)$/m.exec(block)?.[1];
        if (name && data)
          events.push({ event: name, data: JSON.parse(data) as unknown, ...(id ? { id } : {}) });
      }
    }
    ended = true;
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  return {
    events,
    ended: () => ended,
    reading,
    close: () => controller.abort(),
  };
}

/** Redis stream ids ("ms-seq") in order. */
const isLaterId = (a: string, b: string) => {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am > bm || (am === bm && as > bs);
};

describe('SSE progress across processes', () => {
  let cluster: Cluster;
  let baseUrl: string;

  beforeAll(async () => {
    await resetRedis();
    cluster = await startCluster(redisUrl());
    await cluster.web.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(cluster.web.app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => cluster?.close());

  it('streams a worker process’s progress from the web process and resumes after Last-Event-ID', async () => {
    const { gate, alice } = cluster;
    gate.hold('s3');
    cluster.startWorker();
    const res = await alice.post('/api/collections', {
      services: ['ec2', 'iam', 's3'],
      regions: ['us-east-1'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = CollectionResponse.parse(res.json()).collection;
    const url = `${baseUrl}/api/collections/${id}/progress`;

    await heldAtGate(gate);
    const first = openStream(url, alice.cookieHeader());
    // Everything before the held S3 calls has happened: the worker's events reach this process.
    await eventually(() => first.events.filter((e) => e.id).length >= 2, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    first.close();
    await first.reading;
    expect(first.events[0]?.event).toBe('snapshot');
    const withIds = first.events.filter((e) => e.id);
    const resumeFrom = withIds[0]?.id as string;

    const second = openStream(url, alice.cookieHeader(), resumeFrom);
    await eventually(() => second.events.length >= withIds.length - 1, { timeoutMs: 10_000, intervalMs: 50 });
    gate.open();
    await eventually(() => second.ended(), { timeoutMs: 20_000, intervalMs: 100 });
    await second.reading;

    const names = second.events.map((e) => e.event);
    expect(names).not.toContain('snapshot');
    expect(names.at(-1)).toBe('done');
    // Only later events: every replayed id comes after the resume point, in order, and the events
    // the first stream saw after it are replayed exactly.
    const ids = second.events.map((e) => e.id as string);
    expect(ids.every((i) => isLaterId(i, resumeFrom))).toBe(true);
    for (let i = 1; i < ids.length; i++) expect(isLaterId(ids[i] as string, ids[i - 1] as string)).toBe(true);
    expect(ids.slice(0, withIds.length - 1)).toEqual(withIds.slice(1).map((e) => e.id));
    const done = CollectionResponse.parse(second.events.at(-1)?.data);
    expect(done.collection.status).toBe('completed');
  }, 90_000);
});
