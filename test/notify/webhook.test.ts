import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAILING_AFTER } from '../../src/notify/channels.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../src/notify/signature.js';
import type { Delivery } from '../../src/shared/api/notify.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';
import { createNotifyHarness, finding, type NotifyHarness, storedRun } from './setup.js';

const SIGNING_SECRET = 'whsec-0123456789-abcdefghij';
const RETRY_DELAY_MS = 100;
const TIMEOUT_MS = 300;

describe('Slack and signed webhook deliveries against a local receiver', () => {
  let h: NotifyHarness;
  let receiver: HttpReceiver;

  beforeEach(async () => {
    h = await createNotifyHarness({ timeoutMs: TIMEOUT_MS, retryDelayMs: RETRY_DELAY_MS });
    receiver = await startHttpReceiver();
  });
  afterEach(async () => {
    await h.close();
    await receiver.close();
  });

  const webhook = () =>
    h.service.createChannel('alice', {
      kind: 'webhook',
      name: 'teams',
      url: receiver.url('/teams/T0K3N'),
      signingSecret: SIGNING_SECRET,
    });

  it('posts a Block Kit message to Slack with the run digest, and never shows the webhook URL', async () => {
    const slack = await h.service.createChannel('alice', {
      kind: 'slack',
      name: 'slack',
      webhookUrl: receiver.url('/services/T00/B00/XXSECRET'),
    });
    expect(JSON.stringify(await h.service.channels.list('alice'))).not.toContain('XXSECRET');
    await h.service.createRule('alice', {
      name: 'savings digest',
      enabled: true,
      channelIds: [slack.id],
      triggers: { savingsChangeUsd: 10, resolvedFindings: false, scanFailed: false, checkIds: [] },
    });
    const before = storedRun('2026-12-01T00-00-00.000Z');
    const after = storedRun('2026-12-02T00-00-00.000Z');
    h.runs.push(before, after);
    const cost = (id: string, usd: number) =>
      finding('ec2-instance-not-idle', 'medium', id, { category: 'cost', estimatedMonthlySavingsUsd: usd });
    h.findings.set(before.runId, [cost('i-a', 20)]);
    h.findings.set(after.runId, [cost('i-a', 20), cost('i-b', 35.5)]);
    h.lang.value = 'ko';
    expect(await h.service.onRunFinished(after)).toBe(1);
    const [request] = await receiver.waitFor(1);
    expect(request?.path).toBe('/services/T00/B00/XXSECRET');
    const body = JSON.parse(request?.body ?? '{}') as {
      text: string;
      blocks: { type: string; text: { text: string } }[];
    };
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    const sections = body.blocks.filter((b) => b.type === 'section').map((b) => b.text.text);
    expect(sections.join('\n')).toContain('월 예상 절감액: $55.50 (이전 $20.00, +$35.50)');
    expect(sections.join('\n')).toContain('[보통] ec2-instance-not-idle · i-b');
  });

  it('signs the webhook body with HMAC-SHA256 and a timestamp the receiver can verify', async () => {
    const channel = await webhook();
    const delivery = await h.service.sendTest('alice', channel.id, 'en');
    expect(delivery.status).toBe('delivered');
    const [request] = await receiver.waitFor(1);
    const headers = {
      signature: request?.headers[SIGNATURE_HEADER] as string | undefined,
      timestamp: request?.headers[TIMESTAMP_HEADER] as string | undefined,
    };
    const now = Math.floor(Date.now() / 1000);
    expect(headers.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SIGNING_SECRET, headers, request?.body ?? '', now)).toBe(true);
    // Tampered body, wrong key, or a replay ten minutes later: refused.
    expect(verifyWebhookSignature(SIGNING_SECRET, headers, `${request?.body} `, now)).toBe(false);
    expect(verifyWebhookSignature('another-secret-0123456', headers, request?.body ?? '', now)).toBe(false);
    expect(verifyWebhookSignature(SIGNING_SECRET, headers, request?.body ?? '', now + 600)).toBe(false);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      event: 'test',
      lang: 'en',
      subject: 'again-console: test message',
    });
    expect(request?.body).not.toContain(SIGNING_SECRET);
  });

  it('retries after a 500 with growing delays, and records every attempt', async () => {
    const channel = await webhook();
    receiver.respondWith(500, 500, 200);
    const delivery = await h.service.sendTest('alice', channel.id, 'en');
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a) => [a.ok, a.responseCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    const at = receiver.requests.map((r) => r.at);
    expect(at).toHaveLength(3);
    const [a0 = 0, a1 = 0, a2 = 0] = at;
    expect(a1 - a0).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 5);
    expect(a2 - a1).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS - 5);
  });

  it('does not retry after a 400, but does after a 429', async () => {
    const channel = await webhook();
    receiver.respondWith(400);
    const refused = await h.service.sendTest('alice', channel.id, 'en');
    expect(refused.status).toBe('failed');
    expect(refused.attempts).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
    receiver.respondWith(429, 200);
    const limited = await h.service.sendTest('alice', channel.id, 'en');
    expect(limited.status).toBe('delivered');
    expect(limited.attempts.map((a) => a.responseCode)).toEqual([429, 200]);
  });

  it('times out a hanging receiver without holding up the run, and flags a channel that keeps failing', async () => {
    const channel = await webhook();
    receiver.respondWith(...Array<'hang'>(3 * FAILING_AFTER).fill('hang'));
    await h.service.createRule('alice', {
      name: 'all failures',
      enabled: true,
      channelIds: [channel.id],
      triggers: { scanFailed: true, resolvedFindings: false, checkIds: [] },
    });
    for (let i = 0; i < FAILING_AFTER; i++) {
      const run = storedRun(`2026-12-0${i + 1}T00-00-00.000Z`, { status: 'failed', failureReason: 'boom' });
      const started = Date.now();
      expect(await h.service.onRunFinished(run)).toBe(1);
      // Queued, not sent: the run's completion does not wait on the receiver.
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    }
    let history: Delivery[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      history = await h.service.deliveries.list('alice');
      if (history.filter((d) => d.status === 'failed').length === FAILING_AFTER) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(history.map((d) => d.status)).toEqual(Array(FAILING_AFTER).fill('failed'));
    for (const d of history) {
      expect(d.attempts).toHaveLength(3);
      for (const a of d.attempts) {
        expect(a.error).toBe(`no answer within ${TIMEOUT_MS} ms`);
        expect(a.durationMs).toBeLessThan(TIMEOUT_MS + 500);
      }
    }
    const [flagged] = await h.service.channels.list('alice');
    expect(flagged).toMatchObject({ failing: true, consecutiveFailures: FAILING_AFTER });
    receiver.respondWith(200);
    await h.service.sendTest('alice', channel.id, 'en');
    const [recovered] = await h.service.channels.list('alice');
    expect(recovered).toMatchObject({ failing: false, consecutiveFailures: 0 });
  });
});
