/**
 * What AWS refuses becomes a clear 4xx naming what to do, and nothing is cached. moto answers every
 * caller, so the refusals are injected into the SDK (test/support/faults.ts), inside its retry loop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpendResponse } from '../../src/shared/api/spend.js';
import { keys } from '../../src/storage/keys.js';
import { connect } from '../advisor/seed.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { countCostExplorerCalls, queueCostResults } from '../support/cost-explorer.js';
import { type FaultRule, injectFaults } from '../support/faults.js';
import { resetMoto } from '../support/moto.js';

describe('Spend errors from Cost Explorer', () => {
  let t: TestApp;
  let alice: Agent;
  let connectionId: string;
  const rules: FaultRule[] = [];
  const faults = injectFaults(rules);
  const calls = countCostExplorerCalls();

  const failWith = (errorCode: string, times: number) => {
    rules.length = 0;
    faults.hits.length = 0;
    rules.push({ service: 'CostExplorer', operation: 'GetCostAndUsage', errorCode, times });
    faults.hits.push(0);
  };

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp({ overrides: { costExplorerPlugins: [calls.plugin, faults.plugin] } });
    alice = await signUp(t.app, 'alice');
    await connect(alice);
    connectionId = (await alice.get('/api/connections')).json().connections[0].id;
  });
  afterAll(async () => t?.close());

  const stored = () => t.storage.list(keys.spendPrefix('alice', connectionId));

  it('AccessDenied on ce:GetCostAndUsage: 400 that names the missing permission, nothing stored', async () => {
    failWith('AccessDeniedException', 10);
    for (const res of [
      await alice.get(`/api/spend/${connectionId}`),
      await alice.post(`/api/spend/${connectionId}/refresh`, { groupBy: 'service' }),
      await alice.get(`/api/spend/${connectionId}/export`),
    ]) {
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('spend_access_denied');
      expect(error.message).toContain('ce:GetCostAndUsage');
      expect(error.message).toContain('AgainConsoleSpendOptional');
    }
    // Not retried: a denial is final (and each retry could be billed).
    expect(faults.hits[0]).toBe(3);
    expect(calls.count()).toBe(3);
    expect(await stored()).toEqual([]);
  });

  it('no Cost Explorer data yet: 409 spend_data_unavailable', async () => {
    failWith('DataUnavailableException', 1);
    const res = await alice.get(`/api/spend/${connectionId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('spend_data_unavailable');
    expect(await stored()).toEqual([]);
  });

  it('an unknown AWS error is a 502 with its code, never a 500 or a stack trace', async () => {
    failWith('BillExpirationException', 1);
    const res = await alice.get(`/api/spend/${connectionId}`);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('spend_aws_error');
    expect(res.json().error.message).toContain('BillExpirationException');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('once the permission is there, the same request answers and is cached', async () => {
    failWith('AccessDeniedException', 0);
    await queueCostResults([{ months: { '2026-11': [{ keys: ['AWS Lambda'], usd: 1.25 }] } }]);
    const res = await alice.get(`/api/spend/${connectionId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(SpendResponse.parse(res.json()).cached).toBe(false);
    expect(await stored()).toHaveLength(1);
  });
});
