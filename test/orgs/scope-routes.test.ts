/**
 * Guarantee: the account scope (`?scope=all | account:<connection>:<account> | ou:<connection>:<ou>`)
 * narrows the dashboard, resource search, the advisor run history and the collection history to
 * the runs and collections of the accounts in scope (an OU means its whole subtree, from the stored
 * directory); all accounts sums every account's own latest runs (one account's run never hides
 * another's); malformed scopes are 400s and another user's connection or an unknown OU is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorRunsResponse } from '../../src/shared/api/advisor.js';
import { CollectionsResponse } from '../../src/shared/api/collections.js';
import { ConnectionResponse } from '../../src/shared/api/connections.js';
import { DashboardResponse } from '../../src/shared/api/dashboard.js';
import { ResourceSearchResponse } from '../../src/shared/api/resources.js';
import { AccountRollupResponse } from '../../src/shared/api/rollup.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg } from '../support/org.js';
import { connectAndRunMembers, seedScopedOrganization } from '../support/scoped-org.js';

describe('account scope on the dashboard, search and histories', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let seeded: SeededOrg;
  let orgId: string;
  let bobConnectionId: string;
  let web: string;
  let sandbox: string;

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedScopedOrganization();
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    ({ orgId } = await connectAndRunMembers(alice, seeded));
    web = seeded.members['prod-web'] as string;
    sandbox = seeded.members['sandbox-one'] as string;
    const bobs = await bob.post('/api/connections', {
      kind: 'role',
      name: 'bob',
      roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/Reader`,
    });
    bobConnectionId = ConnectionResponse.parse(bobs.json()).connection.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const dashboard = async (scope?: string) => {
    const res = await alice.get(`/api/dashboard${scope ? `?scope=${scope}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return DashboardResponse.parse(res.json());
  };
  const failing = (d: DashboardResponse) => d.results?.countsByStatus.fail ?? 0;

  it('the dashboard: each account its own figures, all accounts their sum, an OU its subtree', async () => {
    const all = await dashboard();
    const ofWeb = await dashboard(`account:${orgId}:${web}`);
    const ofSandbox = await dashboard(`account:${orgId}:${sandbox}`);
    // Two buckets against one: prod-web fails each bucket check once more.
    expect(failing(ofSandbox)).toBeGreaterThan(0);
    expect(failing(ofWeb)).toBeGreaterThan(failing(ofSandbox));
    expect(failing(all)).toBe(failing(ofWeb) + failing(ofSandbox));
    expect(new Set(ofWeb.sources.map((s) => s.accountId))).toEqual(new Set([web]));
    expect(new Set(all.sources.map((s) => s.accountId))).toEqual(new Set([web, sandbox]));
    expect(failing(await dashboard(`ou:${orgId}:${seeded.ous.production}`))).toBe(failing(ofWeb));
    expect(failing(await dashboard(`ou:${orgId}:${seeded.ous.sandbox}`))).toBe(failing(ofSandbox));
    expect(failing(await dashboard(`ou:${orgId}:${seeded.rootId}`))).toBe(failing(all));
    expect((await dashboard(`account:${orgId}:${MANAGEMENT_ACCOUNT_ID}`)).results).toBeNull();
  });

  it('resource search finds only the buckets of the accounts in scope', async () => {
    const search = async (scope?: string) => {
      const res = await alice.get(`/api/resources/search?q=scope-${scope ? `&scope=${scope}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      return ResourceSearchResponse.parse(res.json())
        .results.map((r) => r.resourceId)
        .sort();
    };
    expect(await search()).toEqual(['scope-sandbox-tmp', 'scope-web-assets', 'scope-web-logs']);
    expect(await search(`account:${orgId}:${web}`)).toEqual(['scope-web-assets', 'scope-web-logs']);
    expect(await search(`ou:${orgId}:${seeded.ous.sandbox}`)).toEqual(['scope-sandbox-tmp']);
  });

  it('the run and collection histories list only the accounts in scope', async () => {
    const runs = async (scope: string) =>
      AdvisorRunsResponse.parse((await alice.get(`/api/advisor/runs?scope=${scope}`)).json()).runs;
    const collections = async (scope: string) =>
      CollectionsResponse.parse((await alice.get(`/api/collections?scope=${scope}`)).json()).collections;
    expect((await runs('all')).map((r) => r.accountId).sort()).toEqual([web, sandbox].sort());
    expect((await runs(`account:${orgId}:${web}`)).map((r) => r.accountId)).toEqual([web]);
    expect((await runs(`ou:${orgId}:${seeded.ous.web}`)).map((r) => r.accountId)).toEqual([web]);
    expect((await collections(`account:${orgId}:${sandbox}`)).map((c) => c.accountId)).toEqual([sandbox]);
    expect((await collections(`ou:${orgId}:${seeded.ous.production}`)).map((c) => c.accountId)).toEqual([
      web,
    ]);
    expect(await collections(`ou:${orgId}:${seeded.ous.sandbox}`)).toHaveLength(1);
  });

  it('the roll-up: every account of the organization with its own figures, worst first, paged', async () => {
    const rollup = async (query: string) => {
      const res = await alice.get(`/api/dashboard/accounts?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return AccountRollupResponse.parse(res.json());
    };
    const all = await rollup('');
    expect(all.total).toBe(3);
    const open = (scope: string) => dashboard(scope).then((d) => d.results?.openBySeverity);
    const row = (id: string) => all.accounts.find((a) => a.accountId === id);
    expect(row(web)).toMatchObject({ name: 'prod-web', ouPath: '/Production/Web/', connectionId: orgId });
    expect(row(web)?.openBySeverity).toEqual(await open(`account:${orgId}:${web}`));
    expect(row(sandbox)?.openBySeverity).toEqual(await open(`account:${orgId}:${sandbox}`));
    expect(row(web)?.lastRun?.status).toBe('completed');
    // The management account was never evaluated: listed, without figures, after the others.
    expect(all.accounts[2]).toMatchObject({ accountId: MANAGEMENT_ACCOUNT_ID, score: null, lastRun: null });
    const scores = all.accounts.slice(0, 2).map((a) => a.score?.score ?? 0);
    expect(scores[0]).toBeLessThanOrEqual(scores[1] ?? 0);
    const page = await rollup('limit=1&offset=1&sort=name');
    expect(page).toMatchObject({ total: 3 });
    expect(page.accounts.map((a) => a.name)).toEqual([[...all.accounts.map((a) => a.name)].sort()[1]]);
    const sandboxOu = await rollup(`scope=ou:${orgId}:${seeded.ous.sandbox}`);
    expect(sandboxOu.accounts.map((a) => a.accountId)).toEqual([sandbox]);
    expect((await alice.get('/api/dashboard/accounts?sort=worst')).statusCode).toBe(400);
  });

  const SCOPED_URLS = [
    '/api/dashboard/accounts',
    '/api/dashboard',
    '/api/resources/search?q=scope-',
    '/api/advisor/runs',
    '/api/collections',
  ];
  const withScope = (url: string, scope: string) => `${url}${url.includes('?') ? '&' : '?'}scope=${scope}`;

  it('malformed scopes are 400s, never 500s', async () => {
    for (const url of SCOPED_URLS)
      for (const scope of [
        'everything',
        `account:${orgId}:12345`,
        `ou:${orgId}:nope`,
        'account::123456789012',
        `account:${orgId}:${web}:x`,
      ]) {
        const res = await alice.get(withScope(url, encodeURIComponent(scope)));
        expect(res.statusCode, `${url} ${scope}`).toBe(400);
      }
  });

  it("another user's connection or an unknown OU is a 404, and bob sees nothing of alice", async () => {
    for (const url of SCOPED_URLS) {
      const theirs = await alice.get(withScope(url, `account:${bobConnectionId}:${MANAGEMENT_ACCOUNT_ID}`));
      expect(theirs.statusCode, url).toBe(404);
      const aliceOrg = await bob.get(withScope(url, `ou:${orgId}:${seeded.rootId}`));
      expect(aliceOrg.statusCode, url).toBe(404);
      expect(aliceOrg.body).not.toContain(web);
      const unknownOu = await alice.get(withScope(url, `ou:${orgId}:ou-zzzz-zzzzzzzz`));
      expect(unknownOu.statusCode, url).toBe(404);
    }
    expect(DashboardResponse.parse((await bob.get('/api/dashboard')).json()).results).toBeNull();
  });
});
