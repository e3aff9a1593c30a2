import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../src/storage/keys.js';
import { Profile } from '../../src/users/service.js';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

describe('auth routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ bcryptCost: 'production' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers, is signed in, stores a bcrypt cost-12 hash and an External ID', async () => {
    const agent = await signUp(t.app, 'alice');
    const me = await agent.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'alice' } });
    const profile = await t.deps.documents.getJson(keys.profile('alice'), Profile);
    expect(profile?.value.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(profile?.value.passwordHash).not.toContain(DEFAULT_TEST_PASSWORD);
    expect(profile?.value.externalId).toMatch(/^again-[A-Za-z0-9_-]{32}$/);
  });

  it('normalises the username and explains bad ones field by field', async () => {
    const agent = await anonymousAgent(t.app);
    const res = await agent.post('/api/auth/register', { username: 'A', password: 'short' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.fields).toEqual({ username: 'username_invalid', password: 'password_too_short' });
    expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('two simultaneous registrations of one name: exactly one 201, the other 409 username_taken', async () => {
    const [a, b] = await Promise.all([anonymousAgent(t.app), anonymousAgent(t.app)]);
    const results = await Promise.all([
      a.post('/api/auth/register', { username: 'racer', password: DEFAULT_TEST_PASSWORD }),
      b.post('/api/auth/register', { username: 'racer', password: 'another-password-1' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe('username_taken');
  });

  it('logs in with a new session id, refuses a wrong password, logs out for good', async () => {
    await signUp(t.app, 'bob');
    const agent = await anonymousAgent(t.app);
    const before = agent.cookieHeader();
    expect((await agent.login('bob', 'wrong-password-123')).statusCode).toBe(401);
    const ok = await agent.login('bob', DEFAULT_TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(agent.cookieHeader()).not.toBe(before);
    const cookie = ok.headers['set-cookie'];
    expect(String(cookie)).toMatch(/HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Lax/i);
    const signedInCookie = agent.cookieHeader();
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).json()).toEqual({ user: null });
    // The old cookie no longer works either (the server destroyed that session).
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: signedInCookie },
    });
    expect(replay.json()).toEqual({ user: null });
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const agent = await signUp(t.app, 'carol');
    const wrong = await agent.post('/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'brand-new-pass-1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('password_incorrect');
    const res = await agent.post('/api/auth/password', {
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: 'brand-new-pass-1',
    });
    expect(res.statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).json().user.username).toBe('carol');
    const other = await anonymousAgent(t.app);
    expect((await other.login('carol', DEFAULT_TEST_PASSWORD)).statusCode).toBe(401);
    expect((await other.login('carol', 'brand-new-pass-1')).statusCode).toBe(200);
  });

  it('refuses state-changing requests without the CSRF token, login included', async () => {
    const agent = await signUp(t.app, 'dave');
    const token = agent.csrfToken;
    agent.csrfToken = undefined;
    for (const [method, url] of [
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/password'],
      ['POST', '/api/connections'],
    ] as const) {
      const res = await agent.request(method, url, {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('csrf_invalid');
    }
    const forged = await agent.post('/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(forged.statusCode).toBe(403);
    agent.csrfToken = token;
    expect((await agent.get('/api/auth/me')).json().user.username).toBe('dave');
  });

  it('answers unknown API routes and bad JSON with JSON errors, never a stack', async () => {
    const agent = await anonymousAgent(t.app);
    const missing = await agent.get('/api/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await agent.request('POST', '/api/auth/login', undefined, {
      'content-type': 'application/json',
    });
    expect(bad.statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        cookie: agent.cookieHeader(),
        'x-csrf-token': agent.csrfToken ?? '',
      },
      payload: '{"username":',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('bad_json');
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
