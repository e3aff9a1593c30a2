/**
 * SSRF guard on Slack/webhook URLs: https only, public addresses only (after DNS), no redirects.
 * When a channel is saved, names get their DNS answers from the injected resolver; the send-time
 * lookup the socket is pinned to is the system's (`localhost` from /etc/hosts).
 */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_REFUSED, addressAllowed, guardedLookup } from '../../src/notify/url-guard.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';
import { createNotifyHarness, type NotifyHarness, storedRun } from './setup.js';

const DNS: Record<string, string[]> = {
  'hooks.public.test': ['93.184.216.34'],
  localhost: ['127.0.0.1', '::1'],
  'metadata.rebind.test': ['169.254.169.254'],
  'mixed.test': ['93.184.216.34', '10.0.0.7'],
  'v6-internal.test': ['fd00:ec2::254'],
};
const resolveHost = async (host: string) => {
  const found = DNS[host];
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};
const SECRET = 'whsec-0123456789-abcdefghij';

describe('receiver addresses', () => {
  it('allows public unicast only; loopback only with the local setting', () => {
    const strict = { allowLocal: false };
    for (const ok of ['93.184.216.34', '2606:4700::1111']) expect(addressAllowed(ok, strict)).toBe(true);
    for (const refused of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'fd00:ec2::254',
      '100.100.100.200',
      '0.0.0.0',
      'fe80::1',
    ])
      expect(addressAllowed(refused, strict), refused).toBe(false);
    expect(addressAllowed('127.0.0.1', { allowLocal: true })).toBe(true);
    expect(addressAllowed('10.1.2.3', { allowLocal: true })).toBe(false);
  });

  it('the socket lookup refuses a name that resolves to loopback', async () => {
    const receiver = await startHttpReceiver();
    const port = new URL(receiver.url()).port;
    try {
      const error = await new Promise<{ code?: string }>((resolve) => {
        const req = request(`http://localhost:${port}/`, {
          method: 'POST',
          lookup: guardedLookup({ allowLocal: false }),
        });
        req.on('error', resolve);
        req.on('response', () => resolve({ code: 'connected' }));
        req.end();
      });
      expect(error.code).toBe(ADDRESS_REFUSED);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});

describe('channels refuse unsafe URLs', () => {
  let strict: NotifyHarness;
  beforeAll(async () => {
    strict = await createNotifyHarness({ allowLocalReceivers: false, resolveHost });
  });
  afterAll(async () => strict?.close());

  const webhook = (h: NotifyHarness, url: string) =>
    h.service.createChannel('alice', { kind: 'webhook', name: 'hook', url, signingSecret: SECRET });

  it.each([
    ['http://hooks.public.test/x', 'url_not_https'],
    ['http://127.0.0.1:8080/x', 'url_not_https'],
    ['https://169.254.169.254/latest/meta-data/', 'url_private_address'],
    ['https://10.0.0.5/hook', 'url_private_address'],
    ['https://[::1]/hook', 'url_private_address'],
    ['https://[::ffff:127.0.0.1]/hook', 'url_private_address'],
    ['https://localhost/hook', 'url_private_address'],
    ['https://metadata.rebind.test/hook', 'url_private_address'],
    ['https://mixed.test/hook', 'url_private_address'],
    ['https://v6-internal.test/hook', 'url_private_address'],
    ['https://nowhere.test/hook', 'url_unresolvable'],
  ])('%s → %s', async (url, code) => {
    await expect(webhook(strict, url)).rejects.toMatchObject({ code, kind: 'invalid' });
  });

  it('accepts an https URL on a public address', async () => {
    const channel = await webhook(strict, 'https://hooks.public.test/hook');
    expect(channel.target).toBe('hooks.public.test');
  });
});

describe('sending', () => {
  let receiver: HttpReceiver;
  const harnesses: NotifyHarness[] = [];
  const harness = async (options: Parameters<typeof createNotifyHarness>[0]) => {
    const h = await createNotifyHarness(options);
    harnesses.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    await receiver?.close();
  });

  const failOnce = async (h: NotifyHarness, channelId: string) => {
    await h.service.createRule('alice', {
      name: 'failures',
      enabled: true,
      channelIds: [channelId],
      triggers: { scanFailed: true, resolvedFindings: false, checkIds: [] },
    });
    await h.service.onRunFinished(storedRun('2026-12-01T00-00-00.000Z', { status: 'failed' }));
    return await eventually(async () => {
      const [d] = await h.service.deliveries.list('alice');
      expect(d?.status).toBe('failed');
      return d;
    });
  };

  it('follows no redirect and does not retry it', async () => {
    receiver = await startHttpReceiver();
    receiver.respondWith(302);
    const h = await harness({ retryDelayMs: 20 });
    const channel = await h.service.createChannel('alice', {
      kind: 'webhook',
      name: 'hook',
      url: receiver.url(),
      signingSecret: SECRET,
    });
    const failed = await failOnce(h, channel.id);
    expect(failed?.attempts).toHaveLength(1);
    expect(failed?.attempts[0]).toMatchObject({ responseCode: 302 });
    expect(failed?.attempts[0]?.error).toContain('redirects are not followed');
    expect(receiver.requests).toHaveLength(1);
  });

  it('checks again at send time: a local receiver saved under the dev setting is not reached without it', async () => {
    receiver = await startHttpReceiver();
    const dev = await harness({ allowLocalReceivers: true });
    const channel = await dev.service.createChannel('alice', {
      kind: 'webhook',
      name: 'hook',
      url: `http://localhost:${new URL(receiver.url()).port}/hook`,
      signingSecret: SECRET,
    });
    const prod = await harness({ allowLocalReceivers: false, dataDir: dev.dataDir, retryDelayMs: 20 });
    const failed = await failOnce(prod, channel.id);
    expect(failed?.attempts).toHaveLength(1);
    expect(failed?.attempts[0]?.error).toBe(
      'the receiver address is not allowed (private, local or not https)',
    );
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('the API answers unsafe URLs with a clear 400', () => {
  let t: TestApp;
  let alice: Agent;
  beforeAll(async () => {
    t = await createTestApp({ env: { NOTIFY_ALLOW_LOCAL_HTTP: 'false' } });
    alice = await signUp(t.app, 'alice');
  });
  afterAll(async () => t?.close());

  it.each([
    ['slack', { webhookUrl: 'https://169.254.169.254/latest/meta-data/' }, 'url_private_address'],
    ['slack', { webhookUrl: 'http://hooks.slack.com/services/T/B/X' }, 'url_not_https'],
    ['webhook', { url: 'http://127.0.0.1:9/hook', signingSecret: SECRET }, 'url_not_https'],
  ])('%s %j → %s', async (kind, fields, code) => {
    const res = await alice.post('/api/notify/channels', { kind, name: 'x', ...fields });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
    expect((await alice.get('/api/notify/channels')).json()).toEqual({ channels: [] });
  });
});
