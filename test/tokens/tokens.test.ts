import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CreatedTokenResponse, TokensResponse } from '../../src/shared/api/tokens.js';
import { keys } from '../../src/storage/keys.js';
import { connect } from '../advisor/seed.js';
import { type Agent, createTestApp, DEFAULT_TEST_PASSWORD, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';

/** A clock the test moves forward (expiry, last-used throttling). */
let clock = new Date('2030-01-01T00:00:00Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

describe('API tokens', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  const secrets: string[] = [];

  async function mint(agent: Agent, body: Record<string, unknown>) {
    const res = await agent.post('/api/tokens', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = CreatedTokenResponse.parse(res.json());
    secrets.push(created.secret);
    return created;
  }

  /** A bare request with only the bearer header: no cookie, no CSRF token. */
  const withToken = (secret: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}` },
      ...(body ? { payload: body } : {}),
    });

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp({ overrides: { now: () => clock } });
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice, 'alice-collector');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the secret once, lists tokens without it and stores only a hash', async () => {
    const created = await mint(alice, { name: 'ci', scope: 'read' });
    expect(created.secret).toMatch(/^agc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const listed = await alice.get('/api/tokens');
    expect(listed.statusCode).toBe(200);
    const { tokens } = TokensResponse.parse(listed.json());
    expect(tokens.map((k) => k.id)).toContain(created.token.id);
    expect(listed.body).not.toContain(created.secret.split('_').slice(2).join('_'));
    expect(listed.body).not.toContain('secretSha256');
    const stored = await readFile(join(t.deps.config.dataDir, keys.apiTokens('alice')), 'utf8');
    expect(stored).not.toContain(created.secret.slice(21));
    expect(stored).toMatch(/"secretSha256":\s*"[0-9a-f]{64}"/);
  });

  it('a valid token reads as its user without a session or CSRF header', async () => {
    const { secret } = await mint(alice, { name: 'reader', scope: 'read' });
    const res = await withToken(secret, 'GET', '/api/connections');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().connections).toHaveLength(1);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a read-run token starts and cancels a collection and starts an advisor run, without CSRF', async () => {
    const { secret } = await mint(alice, { name: 'runner', scope: 'read-run' });
    const started = await withToken(secret, 'POST', '/api/collections', {
      services: ['iam'],
      regions: ['us-east-1'],
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().collection.id as string;
    const cancelled = await withToken(secret, 'POST', `/api/collections/${id}/cancel`);
    // 409 when the small collection finished before the cancel arrived: allowed, just too late.
    expect([200, 409], cancelled.body).toContain(cancelled.statusCode);
    const run = await withToken(secret, 'POST', '/api/advisor/runs', {
      services: ['iam'],
      regions: ['us-east-1'],
    });
    expect(run.statusCode, run.body).toBe(202);
  });

  it('a read-only token trying to run or change anything gets 403', async () => {
    const { secret } = await mint(alice, { name: 'ro', scope: 'read' });
    const attempts = [
      await withToken(secret, 'POST', '/api/collections', { services: ['iam'], regions: ['us-east-1'] }),
      await withToken(secret, 'POST', '/api/advisor/runs', { services: ['iam'], regions: ['us-east-1'] }),
      await withToken(secret, 'POST', '/api/collections/some-id/cancel'),
      await withToken(secret, 'DELETE', '/api/collections/some-id'),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('token_scope');
    }
  });

  it('a read-run token may not change settings, connections or delete history', async () => {
    const { secret } = await mint(alice, { name: 'rr', scope: 'read-run' });
    const list = await withToken(secret, 'GET', '/api/connections');
    const connectionId = list.json().connections[0].id as string;
    expect((await withToken(secret, 'DELETE', `/api/connections/${connectionId}`)).statusCode).toBe(403);
    expect((await withToken(secret, 'POST', '/api/advisor/mutes', { checkId: 'x' })).statusCode).toBe(403);
    expect((await withToken(secret, 'DELETE', '/api/collections/some-id')).statusCode).toBe(403);
  });

  it('a token cannot list, mint or revoke tokens (session only)', async () => {
    const { secret, token } = await mint(alice, { name: 'greedy', scope: 'read-run' });
    for (const res of [
      await withToken(secret, 'GET', '/api/tokens'),
      await withToken(secret, 'POST', '/api/tokens', { name: 'more', scope: 'read-run' }),
      await withToken(secret, 'DELETE', `/api/tokens/${token.id}`),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('token_session_only');
    }
  });

  it('a revoked token gets 401', async () => {
    const { secret, token } = await mint(alice, { name: 'temp', scope: 'read' });
    expect((await withToken(secret, 'GET', '/api/collections')).statusCode).toBe(200);
    expect((await alice.delete(`/api/tokens/${token.id}`)).statusCode).toBe(204);
    const res = await withToken(secret, 'GET', '/api/collections');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('token_invalid');
    expect((await alice.delete(`/api/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it('an expired token gets 401', async () => {
    const { secret } = await mint(alice, { name: 'short', scope: 'read', expiresInDays: 1 });
    expect((await withToken(secret, 'GET', '/api/collections')).statusCode).toBe(200);
    advance(86_400_000 + 1000);
    const res = await withToken(secret, 'GET', '/api/collections');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('token_expired');
    // The clock moved past the session idle limit: both users sign in again for the next tests.
    for (const agent of [alice, bob]) {
      await agent.fetchCsrf();
      expect((await agent.login(agent.username ?? '', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
      await agent.fetchCsrf();
    }
  });

  it('malformed, forged and unknown bearer tokens get 401, never a fall-back to the cookie', async () => {
    const { secret } = await mint(alice, { name: 'real', scope: 'read' });
    const forged = `${secret.slice(0, -4)}AAAA`;
    for (const header of ['Bearer nonsense', `Bearer ${forged}`, 'Basic YWxpY2U6cHc=', 'Bearer ']) {
      const res = await alice.get('/api/collections', { authorization: header });
      expect(res.statusCode, header).toBe(401);
      expect(res.body).not.toContain('at ');
    }
  });

  it("a token of one user cannot read another user's data", async () => {
    await connect(bob, 'bob-collector');
    const bobs = await bob.get('/api/connections');
    const bobConnection = bobs.json().connections[0].id as string;
    const { secret } = await mint(alice, { name: 'probe', scope: 'read-run' });
    const res = await withToken(secret, 'GET', `/api/connections/${bobConnection}`);
    expect(res.statusCode).toBe(404);
    const mine = await withToken(secret, 'GET', '/api/connections');
    expect(mine.body).not.toContain(bobConnection);
  });

  it('records last use at most once a minute', async () => {
    const { secret, token } = await mint(alice, { name: 'usage', scope: 'read' });
    const lastUsed = async () => {
      const { tokens } = TokensResponse.parse((await alice.get('/api/tokens')).json());
      return tokens.find((k) => k.id === token.id)?.lastUsedAt ?? null;
    };
    expect(await lastUsed()).toBeNull();
    await withToken(secret, 'GET', '/api/collections');
    const first = clock.toISOString();
    await vi.waitFor(async () => expect(await lastUsed()).toBe(first));
    advance(30_000);
    await withToken(secret, 'GET', '/api/collections');
    await new Promise((r) => setTimeout(r, 100));
    expect(await lastUsed()).toBe(first);
    advance(31_000);
    await withToken(secret, 'GET', '/api/collections');
    await vi.waitFor(async () => expect(await lastUsed()).toBe(clock.toISOString()));
  });

  it('rejects bad input with field errors', async () => {
    const res = await alice.post('/api/tokens', { name: '', scope: 'admin', expiresInDays: 0 });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(['name', 'scope']));
  });

  it('never writes a token to the logs', () => {
    expect(secrets.length).toBeGreaterThan(5);
    const logs = t.logs.join('\n');
    for (const secret of secrets) {
      expect(logs.includes(secret)).toBe(false);
      expect(logs.includes(secret.slice(21))).toBe(false);
    }
  });
});
