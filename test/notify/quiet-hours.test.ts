import { afterEach, describe, expect, it } from 'vitest';
import { quietUntil } from '../../src/notify/evaluate.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';
import { createNotifyHarness, type NotifyHarness, storedRun } from './setup.js';

describe('quiet hours', () => {
  it('holds messages inside the window (also across midnight) until its end, in the rule time zone', () => {
    const night = { start: '22:00', end: '07:00', timeZone: 'Asia/Seoul' };
    // 23:30 KST → held until 07:00 KST (22:00 UTC).
    expect(quietUntil(night, new Date('2026-12-01T14:30:00Z'))?.toISOString()).toBe(
      '2026-12-01T22:00:00.000Z',
    );
    // 06:59 KST → until 07:00 KST.
    expect(quietUntil(night, new Date('2026-12-01T21:59:00Z'))?.toISOString()).toBe(
      '2026-12-01T22:00:00.000Z',
    );
    // 12:00 KST: not quiet.
    expect(quietUntil(night, new Date('2026-12-01T03:00:00Z'))).toBeNull();
    const lunch = { start: '12:00', end: '13:00', timeZone: 'Europe/Berlin' };
    expect(quietUntil(lunch, new Date('2026-07-01T10:15:00Z'))?.toISOString()).toBe(
      '2026-07-01T11:00:00.000Z',
    );
    expect(quietUntil(undefined, new Date())).toBeNull();
  });

  describe('held deliveries', () => {
    let h: NotifyHarness;
    let receiver: HttpReceiver;
    afterEach(async () => {
      await h.close();
      await receiver.close();
    });

    it('are stored as held, not sent, and released once the quiet hours are over', async () => {
      const clock = { now: new Date('2026-12-01T14:30:00Z') }; // 23:30 KST
      h = await createNotifyHarness({ now: () => clock.now });
      receiver = await startHttpReceiver();
      const channel = await h.service.createChannel('alice', {
        kind: 'webhook',
        name: 'hook',
        url: receiver.url(),
        signingSecret: 'held-secret-0123456789',
      });
      await h.service.createRule('alice', {
        name: 'failures at night',
        enabled: true,
        channelIds: [channel.id],
        triggers: { scanFailed: true, resolvedFindings: false, checkIds: [] },
        quietHours: { start: '22:00', end: '07:00', timeZone: 'Asia/Seoul' },
      });
      expect(await h.service.onRunFinished(storedRun('2026-12-01T14-29-00.000Z', { status: 'failed' }))).toBe(
        1,
      );
      const [held] = await h.service.deliveries.list('alice');
      expect(held).toMatchObject({ status: 'held', notBefore: '2026-12-01T22:00:00.000Z' });
      expect(await h.service.releaseHeld()).toBe(0);
      clock.now = new Date('2026-12-01T22:00:30Z');
      expect(await h.service.releaseHeld()).toBe(1);
      await receiver.waitFor(1);
      expect(await h.service.releaseHeld()).toBe(0);
    });
  });
});
