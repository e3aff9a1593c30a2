/**
 * Redis mode: deliveries are jobs on the `notify-deliveries` BullMQ queue. The web process
 * (WORKERS=0) only queues them; real worker processes (`npm run worker`) send them, with BullMQ's
 * own attempts and exponential backoff, and a worker killed mid-delivery has its job taken over by
 * another once its lease runs out.
 */
import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bullmqConnection } from '../../src/jobs/redis-connection.js';
import { DEFAULT_DELIVERY_BACKOFF_MS, DELIVERY_QUEUE } from '../../src/notify/deliveries.js';
import {
  ChannelResponse,
  DeliveriesResponse,
  type Delivery,
  DeliveryResponse,
} from '../../src/shared/api/notify.js';
import { type Cluster, startCluster } from '../scale/processes.js';
import { eventually } from '../support/eventually.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';

describe('deliveries on BullMQ across processes', () => {
  let cluster: Cluster;
  let receiver: HttpReceiver;
  let queue: Queue;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    await resetRedis();
    receiver = await startHttpReceiver();
    cluster = await startCluster(redisUrl(), { NOTIFY_ALLOW_LOCAL_HTTP: 'true' });
    queue = new Queue(DELIVERY_QUEUE, { connection: bullmqConnection(redisUrl()), prefix: 'again' });
  }, 60_000);
  afterAll(async () => {
    await queue?.close();
    await cluster?.close();
    await receiver?.close();
  });
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respondWith();
  });

  /** Waits until `count` worker processes listen on the deliveries queue (none is the web's). */
  const listening = async (count: number) =>
    // Generous: each worker process boots tsx and the SDK first, slow on a loaded machine.
    await eventually(async () => expect((await queue.getWorkers()).length).toBe(count), {
      timeoutMs: 120_000,
      intervalMs: 250,
    });
  const oneWorker = async () => {
    worker ??= cluster.startWorker();
    await listening(1);
  };
  const webhook = async (name: string) => {
    const res = await cluster.alice.post('/api/notify/channels', {
      kind: 'webhook',
      name,
      url: receiver.url(`/${name}`),
      signingSecret: 'whsec-0123456789-abcdefghij',
    });
    expect(res.statusCode, res.body).toBe(201);
    return ChannelResponse.parse(res.json()).channel;
  };
  const deliveryOf = async (channelId: string): Promise<Delivery | undefined> => {
    const res = await cluster.alice.get('/api/notify/deliveries');
    return DeliveriesResponse.parse(res.json()).deliveries.find((d) => d.channelId === channelId);
  };

  it('a delivery queued by the web process is sent by a worker process', async () => {
    await oneWorker();
    const channel = await webhook('ops');
    const res = await cluster.alice.post(`/api/notify/channels/${channel.id}/test?lang=ko`, {});
    expect(res.statusCode, res.body).toBe(200);
    const delivery = DeliveryResponse.parse(res.json()).delivery;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: [{ ok: true, responseCode: 200 }] });
    expect(receiver.requests.map((r) => r.path)).toEqual(['/ops']);
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}')).toMatchObject({ event: 'test', lang: 'ko' });
  }, 180_000);

  it('retries a failing receiver with backoff and records the delivery failed after 3 attempts', async () => {
    receiver.respondWith(500, 500, 500);
    await oneWorker();
    const channel = await webhook('broken');
    const res = await cluster.alice.post(`/api/notify/channels/${channel.id}/test`, {});
    expect(res.statusCode, res.body).toBe(200);
    const delivery = DeliveryResponse.parse(res.json()).delivery;
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts.map((a) => [a.ok, a.responseCode])).toEqual([
      [false, 500],
      [false, 500],
      [false, 500],
    ]);
    const at = receiver.requests.map((r) => r.at);
    expect(at).toHaveLength(3);
    const [first, second, third] = at as [number, number, number];
    // BullMQ's exponential backoff: 2 s, then 4 s.
    expect(second - first).toBeGreaterThanOrEqual(DEFAULT_DELIVERY_BACKOFF_MS - 100);
    expect(third - second).toBeGreaterThanOrEqual(2 * DEFAULT_DELIVERY_BACKOFF_MS - 100);
    // Failed for good: nothing of it is left waiting in the queue.
    expect(await queue.getJobCounts('wait', 'active', 'delayed')).toEqual({ wait: 0, active: 0, delayed: 0 });
  }, 60_000);

  it('a worker killed mid-delivery has it sent by another worker', async () => {
    receiver.respondWith('hang');
    await oneWorker();
    const channel = await webhook('takeover');
    // Not awaited: the web waits for the result while the worker dies under it.
    const pending = cluster.alice.post(`/api/notify/channels/${channel.id}/test`, {});
    await receiver.waitFor(1, 30_000);
    // Killed while its receiver keeps it waiting (well within the 10 s timeout of a try).
    await cluster.kill(worker as ChildProcess);
    worker = cluster.startWorker();
    const delivered = await eventually(
      async () => {
        const d = await deliveryOf(channel.id);
        expect(d?.status).toBe('delivered');
        return d as Delivery;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(receiver.requests.map((r) => r.path)).toEqual(['/takeover', '/takeover']);
    expect(delivered.attempts.map((a) => a.ok)).toEqual([false, true]);
    expect(delivered.attempts[0]?.error).toMatch(/stopped/);
    expect((await pending).statusCode).toBe(200);
  }, 240_000);
});
