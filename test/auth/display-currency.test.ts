import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../src/shared/api/auth.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';

const KRW = { code: 'KRW', rate: 1385.5, rateDate: '2026-12-01' } as const;
const URL = '/api/account/display-currency';

describe('display currency: a per-user setting', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  const me = async (agent: Agent) => MeResponse.parse((await agent.get('/api/auth/me')).json()).user;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
  });

  afterAll(async () => {
    await t.close();
  });

  it('is stored for the signed-in user only and shown on /api/auth/me', async () => {
    const res = await alice.put(URL, { displayCurrency: KRW });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(alice))?.displayCurrency).toEqual(KRW);
    expect((await me(bob))?.displayCurrency).toBeUndefined();
    // Bob setting his own rate leaves Alice's alone.
    await bob.put(URL, { displayCurrency: { ...KRW, rate: 1200 } });
    expect((await me(alice))?.displayCurrency?.rate).toBe(1385.5);
  });

  it('null turns it off', async () => {
    expect((await alice.put(URL, { displayCurrency: null })).statusCode).toBe(200);
    expect((await me(alice))?.displayCurrency).toBeUndefined();
  });

  it('bad input is a 400 with nothing stored', async () => {
    for (const body of [
      { displayCurrency: { ...KRW, rate: 0 } },
      { displayCurrency: { ...KRW, rate: 'lots' } },
      { displayCurrency: { ...KRW, code: 'EUR' } },
      { displayCurrency: { ...KRW, rateDate: '1 Dec' } },
      {},
    ]) {
      const res = await alice.put(URL, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body).not.toContain('at ');
    }
    expect((await me(alice))?.displayCurrency).toBeUndefined();
  });

  it('needs a session', async () => {
    const anonymous = await t.app.inject({ method: 'PUT', url: URL, payload: { displayCurrency: KRW } });
    expect([401, 403]).toContain(anonymous.statusCode);
  });
});
