/**
 * A list setting through the real app: elb-tls-policy-modern's accepted policies are validated
 * (400 naming the setting), stored per user, used by that user's next run, shown with the run, and
 * reset to the default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedElbRegion, seedNetworkRegion } from '../../scripts/demo-seed-network.js';
import { MODERN_TLS_POLICIES } from '../../src/checks/elb/elb-tls-policy-modern.js';
import { type AdvisorRunDetailResponse, ChecksResponse } from '../../src/shared/api/advisor.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';
import { ACCOUNT_ID, connect, REGION, startRun, waitForRun } from './seed.js';

const CHECK = 'elb-tls-policy-modern';
const SETTING = 'acceptedPolicies';

describe('list settings through the real app', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let lbs: { webArn: string; legacyArn: string };

  const put = (agent: Agent, value: unknown) =>
    agent.put('/api/advisor/settings', { overrides: { [CHECK]: { [SETTING]: value } } });
  const settingOf = async (agent: Agent) => {
    const checks = ChecksResponse.parse((await agent.get('/api/advisor/settings')).json()).checks;
    return checks.find((c) => c.id === CHECK)?.settings.find((s) => s.name === SETTING);
  };
  const tlsStatus = (detail: AdvisorRunDetailResponse, arn: string) =>
    detail.findings.find((f) => f.checkId === CHECK && f.resourceId === arn)?.status;
  const runElb = async (agent: Agent) => {
    const detail = await waitForRun(
      agent,
      (await startRun(agent, { services: ['elb'], regions: [REGION] })).runId,
    );
    expect(detail.run.status).toBe('completed');
    return detail;
  };

  beforeAll(async () => {
    await resetMoto();
    const target = { endpoint: motoEndpoint(), credentials: testCredentials };
    const now = new Date();
    lbs = await seedElbRegion(target, REGION, ACCOUNT_ID, await seedNetworkRegion(target, REGION, now), now);
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice, 'alice-keys');
    await connect(bob, 'bob-keys');
  });
  afterAll(async () => t?.close());

  it('shows the list with its default, rule and kind', async () => {
    expect(await settingOf(alice)).toEqual(
      expect.objectContaining({
        kind: 'stringList',
        default: [...MODERN_TLS_POLICIES],
        value: [...MODERN_TLS_POLICIES],
        maxItems: 50,
        itemMaxLength: 128,
        itemPattern: '^[A-Za-z0-9-]{1,128}$',
        allowEmpty: false,
        overridden: false,
      }),
    );
  });

  it('rejects a bad list with 400 naming the setting, and stores nothing', async () => {
    const field = `${CHECK}.${SETTING}`;
    const cases: [unknown, string, RegExp][] = [
      [[], 'empty_list', /acceptedPolicies must list at least one item/],
      [['ok-1', ' ok-1 '], 'duplicate_item', /acceptedPolicies lists "ok-1" twice/],
      [['has space'], 'item_invalid', /"has space" has characters that are not allowed/],
      [['a'.repeat(129)], 'item_too_long', /longer than 128 characters/],
      [Array.from({ length: 51 }, (_, i) => `p-${i}`), 'too_many_items', /more than 50 items/],
      [7, 'not_a_list', /acceptedPolicies must be a list of strings/],
    ];
    for (const [value, code, message] of cases) {
      const res = await put(alice, value);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_settings', fields: { [field]: code } });
      expect(res.json().error.message).toMatch(message);
    }
    // A threshold given a list is refused too.
    const numeric = await alice.put('/api/advisor/settings', {
      overrides: { 'ec2-instance-right-sized': { maxCpuPercent: ['40'] } },
    });
    expect(numeric.statusCode).toBe(400);
    expect(numeric.json().error.fields).toEqual({ 'ec2-instance-right-sized.maxCpuPercent': 'out_of_range' });
    expect((await settingOf(alice))?.overridden).toBe(false);
  });

  it("saves a trimmed list for its user only; that user's next run judges by it and shows it", async () => {
    const saved = await put(alice, ['  ELBSecurityPolicy-2016-08 ']);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await settingOf(alice)).toMatchObject({ value: ['ELBSecurityPolicy-2016-08'], overridden: true });
    expect(await settingOf(bob)).toMatchObject({ value: [...MODERN_TLS_POLICIES], overridden: false });

    const mine = await runElb(alice);
    expect(tlsStatus(mine, lbs.webArn)).toBe('fail');
    expect(tlsStatus(mine, lbs.legacyArn)).toBe('pass');
    expect(mine.checks.find((c) => c.id === CHECK)?.settings).toEqual({
      [SETTING]: ['ELBSecurityPolicy-2016-08'],
    });

    const theirs = await runElb(bob);
    expect(tlsStatus(theirs, lbs.webArn)).toBe('pass');
    expect(tlsStatus(theirs, lbs.legacyArn)).toBe('fail');
    expect(theirs.checks.find((c) => c.id === CHECK)?.settings[SETTING]).toEqual([...MODERN_TLS_POLICIES]);
    // Bob's change stays Bob's.
    expect((await put(bob, ['ELBSecurityPolicy-TLS-1-2-2017-01'])).statusCode).toBe(200);
    expect(await settingOf(alice)).toMatchObject({ value: ['ELBSecurityPolicy-2016-08'] });
  });

  it('resets the list to its default with null', async () => {
    expect((await put(alice, null)).statusCode).toBe(200);
    expect(await settingOf(alice)).toMatchObject({ value: [...MODERN_TLS_POLICIES], overridden: false });
    expect(await settingOf(bob)).toMatchObject({
      value: ['ELBSecurityPolicy-TLS-1-2-2017-01'],
      overridden: true,
    });
    const after = await runElb(alice);
    expect(tlsStatus(after, lbs.webArn)).toBe('pass');
  });
});
