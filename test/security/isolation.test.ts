import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { apiRoutes, call, fillUrl, harvestIds, paramNames, withTimeout } from './route-probe.js';
import { type SeedContext, seeders } from './seeders.js';

/**
 * User A must not read, change or delete anything of user B's, on EVERY route — including routes
 * other parts add later: the list comes from Fastify's onRoute hook, ids from B's own responses.
 */
describe('user isolation on every registered route', () => {
  let t: TestApp;
  let a: Agent;
  let b: Agent;
  const ctx = { secrets: [] as string[] } as unknown as SeedContext;
  const bIds = new Set<string>();
  const bViews = new Map<string, string>();

  /** A user's view of every parameterless GET route: the ids to attack and the state to protect. */
  async function snapshot(agent: Agent = b): Promise<Map<string, string>> {
    const views = new Map<string, string>();
    for (const route of apiRoutes(t.app.registeredRoutes)) {
      if (route.method !== 'GET' || paramNames(route.url).length) continue;
      const res = await withTimeout(agent.get(route.url));
      if (res !== 'timeout' && res.statusCode === 200) views.set(route.url, res.body);
    }
    return views;
  }

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp();
    a = await signUp(t.app, 'user-a');
    b = await signUp(t.app, 'user-b');
    // Ids everyone sees before B owns anything (check catalogue, regions…) are not B's.
    const shared = new Set<string>();
    for (const body of (await snapshot(a)).values()) {
      if (body.startsWith('{') || body.startsWith('[')) harvestIds(JSON.parse(body), shared);
    }
    Object.assign(ctx, { t, owner: b });
    for (const seed of seeders) await seed(ctx);
    for (const [url, body] of await snapshot(b)) {
      bViews.set(url, body);
      if (body.startsWith('{') || body.startsWith('[')) harvestIds(JSON.parse(body), bIds);
    }
    for (const id of shared) bIds.delete(id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('found B ids to attack and A has none of them', () => {
    expect(bIds.size).toBeGreaterThanOrEqual(2);
  });

  it('A list and overview routes show none of B items', async () => {
    const leaks: string[] = [];
    for (const route of apiRoutes(t.app.registeredRoutes)) {
      if (route.method !== 'GET' || paramNames(route.url).length) continue;
      const res = await withTimeout(a.get(route.url));
      if (res === 'timeout') continue;
      for (const id of bIds) if (res.body.includes(id)) leaks.push(`${route.url} shows ${id}`);
      if (res.body.includes('user-b')) leaks.push(`${route.url} names user-b`);
    }
    expect(leaks).toEqual([]);
  });

  it('A gets 4xx on every route that takes one of B ids, and B data stays as it was', async () => {
    const problems: string[] = [];
    const routes = apiRoutes(t.app.registeredRoutes).filter((r) => paramNames(r.url).length > 0);
    expect(routes.length).toBeGreaterThan(0);
    const attackIds = [...bIds, 'user-b', '..%2Fuser-b', '../user-b'];
    for (const route of routes) {
      for (const id of attackIds) {
        for (const url of fillUrl(route.url, id)) {
          const res = await withTimeout(call(a, route.method, url));
          if (res === 'timeout') problems.push(`${route.method} ${url}: no answer (streaming?)`);
          else if (res.statusCode < 400 || res.statusCode >= 500) {
            problems.push(`${route.method} ${url}: ${res.statusCode}`);
          } else if (ctx.secrets.some((s) => res.body.includes(s))) {
            problems.push(`${route.method} ${url}: leaks a secret`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    const after = await snapshot(b);
    for (const [url, body] of bViews) expect(after.get(url), url).toBe(body);
  });

  it('signed out, every API route except the session handshake answers 401 or 403', async () => {
    const anonymous = new (a.constructor as new (app: TestApp['app']) => Agent)(t.app);
    await anonymous.fetchCsrf();
    const open = ['/api/auth/me', '/api/auth/login', '/api/auth/register', '/api/auth/logout'];
    const problems: string[] = [];
    for (const route of apiRoutes(t.app.registeredRoutes)) {
      if (open.includes(route.url)) continue;
      const [url] = fillUrl(route.url, [...bIds][0] ?? 'x');
      const res = await withTimeout(call(anonymous, route.method, url ?? route.url));
      if (res === 'timeout' || ![401, 403].includes(res.statusCode)) {
        problems.push(`${route.method} ${url}: ${res === 'timeout' ? 'timeout' : res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
