/**
 * A process that dies mid-delivery leaves the delivery in `sending`. Process A below is that
 * process: its receiver never answers and its timeout is far beyond the test, so its delivery stays
 * `sending` exactly as if A had died. Process B, over the same storage and with a clock past the
 * longest a live delivery can take, recovers it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/shared/api/notify.js';
import { eventually } from '../support/eventually.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';
import { createNotifyHarness, type NotifyHarness, storedRun } from './setup.js';

const NEVER_MS = 120_000;
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

describe('deliveries stuck in sending', () => {
  let receiver: HttpReceiver;
  let a: NotifyHarness;
  const others: NotifyHarness[] = [];

  beforeEach(async () => {
    receiver = await startHttpReceiver();
    a = await createNotifyHarness({ timeoutMs: NEVER_MS, allowLocalReceivers: true });
  });
  afterEach(async () => {
    for (const h of others.splice(0)) await h.close();
    await a.close();
    await receiver.close();
  });

  /** Another process over A's storage, its clock `minutes` ahead. */
  const processAfter = async (minutes: number, timeoutMs = 2_000) => {
    const h = await createNotifyHarness({
      dataDir: a.dataDir,
      now: later(minutes),
      timeoutMs,
      allowLocalReceivers: true,
    });
    others.push(h);
    return h;
  };
  const onlyDelivery = async (h: NotifyHarness): Promise<Delivery> => {
    const [d, ...rest] = await h.service.deliveries.list('alice');
    expect(rest).toHaveLength(0);
    if (!d) throw new Error('no delivery');
    return d;
  };

  /** A's scan fails; its rule's webhook delivery hangs at the receiver (A "dies" there). */
  const stuckInA = async () => {
    const channel = await a.service.createChannel('alice', {
      kind: 'webhook',
      name: 'ops',
      url: receiver.url(),
      signingSecret: 'whsec-0123456789-abcdefghij',
    });
    await a.service.createRule('alice', {
      name: 'failures',
      enabled: true,
      channelIds: [channel.id],
      triggers: { scanFailed: true, resolvedFindings: false, checkIds: [] },
    });
    receiver.respondWith('hang', 'hang');
    expect(await a.service.onRunFinished(storedRun('2026-12-01T00-00-00.000Z', { status: 'failed' }))).toBe(
      1,
    );
    await receiver.waitFor(1);
    expect((await onlyDelivery(a)).status).toBe('sending');
  };

  it('leaves a delivery that is still within its time alone', async () => {
    await stuckInA();
    const b = await processAfter(0);
    await b.service.maintain();
    expect((await onlyDelivery(b)).status).toBe('sending');
    expect(receiver.requests).toHaveLength(1);
  });

  it('sends it again once, and the dead sender finishing late changes nothing', async () => {
    await stuckInA();
    const b = await processAfter(10);
    receiver.respondWith(200); // the plan restarts: B's request is answered
    await b.service.maintain();
    const delivered = await eventually(async () => {
      const d = await onlyDelivery(b);
      expect(d.status).toBe('delivered');
      return d;
    });
    expect(receiver.requests).toHaveLength(2);
    expect(delivered.attempts.map((x) => [x.ok, x.error])).toEqual([
      [false, 'the process sending it stopped; sending again'],
      [true, undefined],
    ]);
    // A's sender comes back to life (aborted here): the recovered delivery and the channel stay as they are.
    await a.stopQueue();
    const after = await onlyDelivery(b);
    expect(after.status).toBe('delivered');
    expect((await b.service.channels.list('alice'))[0]).toMatchObject({ consecutiveFailures: 0 });
  });

  it('marks it failed when its second sender dies too, and counts it against the channel', async () => {
    await stuckInA();
    const b = await processAfter(10, NEVER_MS);
    await b.service.maintain();
    await receiver.waitFor(2); // B took it, and hangs as well
    expect((await onlyDelivery(b)).status).toBe('sending');
    const c = await processAfter(30);
    await c.service.maintain();
    const failed = await onlyDelivery(c);
    expect(failed.status).toBe('failed');
    expect(failed.attempts.at(-1)?.error).toBe('the process sending it stopped again; given up');
    expect((await c.service.channels.list('alice'))[0]).toMatchObject({ consecutiveFailures: 1 });
    expect(receiver.requests).toHaveLength(2);
  });
});
