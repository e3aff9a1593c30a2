/**
 * Rules of chosen checks: the API accepts only check ids of the advisor's catalogue (an unknown one
 * is a 400 with its own code, on create and on edit, and nothing is stored), and such a rule
 * notifies new findings of its checks whatever their severity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/registry.js';
import { ChannelResponse, RuleResponse, RulesResponse } from '../../src/shared/api/notify.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { type HttpReceiver, startHttpReceiver } from './receivers.js';
import { createNotifyHarness, finding, storedRun } from './setup.js';

const [known, other] = allChecks.map((c) => c.id);

describe('rules of chosen checks over the API', () => {
  let t: TestApp;
  let alice: Agent;
  let channelId: string;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    const res = await alice.post('/api/notify/channels', {
      kind: 'webhook',
      name: 'ops',
      url: 'http://127.0.0.1:9/hook',
      signingSecret: 'whsec-0123456789-abcdefghij',
    });
    expect(res.statusCode, res.body).toBe(201);
    channelId = ChannelResponse.parse(res.json()).channel.id;
  });
  afterAll(async () => t?.close());

  const rule = (checkIds: string[]) => ({
    name: 'chosen checks',
    channelIds: [channelId],
    triggers: { checkIds },
  });
  const storedRules = async () => RulesResponse.parse((await alice.get('/api/notify/rules')).json()).rules;

  it('refuses an unknown check id with a 400 of its own code, and stores nothing', async () => {
    const res = await alice.post('/api/notify/rules', rule([known as string, 'ec2-no-such-check']));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'unknown_check',
        message: 'Unknown check ec2-no-such-check',
        fields: { checkIds: 'unknown_check' },
      },
    });
    expect(await storedRules()).toEqual([]);
  });

  it('stores known check ids, and an edit naming an unknown one changes nothing', async () => {
    const created = await alice.post('/api/notify/rules', rule([known as string]));
    expect(created.statusCode, created.body).toBe(201);
    const stored = RuleResponse.parse(created.json()).rule;
    expect(stored.triggers.checkIds).toEqual([known]);

    const edited = await alice.put(
      `/api/notify/rules/${stored.id}`,
      rule([known as string, other as string]),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(RuleResponse.parse(edited.json()).rule.triggers.checkIds).toEqual([known, other]);

    const refused = await alice.put(`/api/notify/rules/${stored.id}`, rule(['<script>']));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'unknown_check' } });
    expect((await storedRules()).map((r) => r.triggers.checkIds)).toEqual([[known, other]]);
  });
});

describe('a rule of chosen checks', () => {
  let receiver: HttpReceiver;
  beforeAll(async () => {
    receiver = await startHttpReceiver();
  });
  afterAll(async () => receiver?.close());

  it('notifies new findings of its checks at any severity, and nothing about other checks', async () => {
    const h = await createNotifyHarness();
    try {
      const channel = await h.service.createChannel('alice', {
        kind: 'webhook',
        name: 'ops',
        url: receiver.url('/chosen'),
        signingSecret: 'whsec-0123456789-abcdefghij',
      });
      await h.service.createRule('alice', {
        name: 'chosen',
        enabled: true,
        channelIds: [channel.id],
        triggers: { checkIds: [known as string], resolvedFindings: false, scanFailed: false },
      });
      h.runs.push(storedRun('2026-12-01T00-00-00.000Z'));
      h.findings.set('2026-12-01T00-00-00.000Z', []);
      const second = storedRun('2026-12-02T00-00-00.000Z');
      h.runs.push(second);
      h.findings.set(second.runId, [finding(other as string, 'critical', 'i-other')]);
      expect(await h.service.onRunFinished(second)).toBe(0);
      const third = storedRun('2026-12-03T00-00-00.000Z');
      h.runs.push(third);
      h.findings.set(third.runId, [finding(known as string, 'low', 'i-chosen')]);
      expect(await h.service.onRunFinished(third)).toBe(1);
      const [request] = await receiver.waitFor(1);
      expect(request?.body).toContain('i-chosen');
      expect(request?.body).not.toContain('i-other');
    } finally {
      await h.close();
    }
  });
});
