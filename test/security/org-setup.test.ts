import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';

/** The External ID in the organization setup is each user's own: B never sees A's, in any form. */
describe('org setup isolation between users', () => {
  let t: TestApp;
  let a: Agent;
  let b: Agent;
  const externalIdOf = async (agent: Agent): Promise<string> =>
    (await agent.get('/api/connections/role-setup')).json().externalId;

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp();
    a = await signUp(t.app, 'org-user-a');
    b = await signUp(t.app, 'org-user-b');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('B setup, commands and templates carry B External ID and never A', async () => {
    const [aId, bId] = [await externalIdOf(a), await externalIdOf(b)];
    expect(aId).not.toBe(bId);
    const setup = await b.get('/api/org-setup');
    expect(setup.json().externalId).toBe(bId);
    const bodies = [
      setup.body,
      (await b.get('/api/org-setup/template?format=yaml')).body,
      (await b.get('/api/org-setup/template?format=json')).body,
    ];
    for (const body of bodies) {
      expect(body).toContain(bId);
      expect(body).not.toContain(aId);
      expect(body).not.toContain('org-user-a');
    }
    // And the other way round.
    const aBodies = [(await a.get('/api/org-setup')).body, (await a.get('/api/org-setup/template')).body];
    for (const body of aBodies) {
      expect(body).toContain(aId);
      expect(body).not.toContain(bId);
    }
  });

  it('a query cannot ask for another user setup: the user comes from the session only', async () => {
    const aId = await externalIdOf(a);
    for (const url of [
      '/api/org-setup?username=org-user-a',
      '/api/org-setup/template?format=json&username=org-user-a&user=org-user-a',
    ]) {
      const res = await b.get(url);
      expect(res.body, url).not.toContain(aId);
    }
  });
});
