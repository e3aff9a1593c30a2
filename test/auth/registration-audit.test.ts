/** ALLOW_REGISTRATION=invite (admin, invites) and the audit log (file + each user's own events). */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

describe('invite-only registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ALLOW_REGISTRATION: 'invite' } });
  });
  afterAll(async () => t?.close());

  it('the first user becomes the admin; others need a single-use invite the admin created', async () => {
    const visitor = await anonymousAgent(t.app);
    expect((await visitor.get('/api/auth/registration')).json()).toEqual({
      mode: 'invite',
      inviteRequired: false,
    });
    const admin = await signUp(t.app, 'boss');
    expect((await admin.get('/api/auth/me')).json().user).toMatchObject({ username: 'boss', role: 'admin' });
    expect((await visitor.get('/api/auth/registration')).json()).toEqual({
      mode: 'invite',
      inviteRequired: true,
    });

    const register = (agent: typeof visitor, username: string, inviteCode?: string) =>
      agent.post('/api/auth/register', {
        username,
        password: DEFAULT_TEST_PASSWORD,
        ...(inviteCode ? { inviteCode } : {}),
      });
    const closed = await register(visitor, 'walkin');
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.code).toBe('invite_required');
    const forged = await register(visitor, 'walkin', 'A'.repeat(32));
    expect(forged.json().error.code).toBe('invite_invalid');

    const created = await admin.post('/api/invites');
    expect(created.statusCode, created.body).toBe(201);
    const code = created.json().code as string;
    expect((await admin.get('/api/invites')).json().invites).toHaveLength(1);
    expect(JSON.stringify((await admin.get('/api/invites')).json())).not.toContain(code);

    const guest = await anonymousAgent(t.app);
    const joined = await register(guest, 'guest', code);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json().user.role).toBeUndefined();
    const reused = await register(await anonymousAgent(t.app), 'second-guest', code);
    expect(reused.json().error.code).toBe('invite_invalid');
    expect((await admin.get('/api/invites')).json().invites[0].usedBy).toBe('guest');

    // Only the admin manages invites.
    const guestSession = guest;
    expect((await guestSession.post('/api/invites')).json().error.code).toBe('admin_only');
    expect((await guestSession.get('/api/invites')).statusCode).toBe(403);
  });

  it('a taken name gives the invite back', async () => {
    const admin = await anonymousAgent(t.app);
    expect((await admin.login('boss', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    const code = (await admin.post('/api/invites')).json().code as string;
    const taken = await (await anonymousAgent(t.app)).post('/api/auth/register', {
      username: 'guest',
      password: DEFAULT_TEST_PASSWORD,
      inviteCode: code,
    });
    expect(taken.statusCode).toBe(409);
    const fresh = await (await anonymousAgent(t.app)).post('/api/auth/register', {
      username: 'late-guest',
      password: DEFAULT_TEST_PASSWORD,
      inviteCode: code,
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
  });

  it('open registration has no admin and no invites', async () => {
    const open = await createTestApp();
    try {
      const user = await signUp(open.app, 'someone');
      expect((await user.get('/api/auth/me')).json().user.role).toBeUndefined();
      expect((await user.post('/api/invites')).statusCode).toBe(403);
      expect((await user.get('/api/auth/registration')).json()).toEqual({
        mode: 'open',
        inviteRequired: false,
      });
    } finally {
      await open.close();
    }
  });
});

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('records security events with user, address and time; each user sees only their own', async () => {
    const alice = await signUp(t.app, 'alice');
    alice.remoteAddress = '10.7.0.1';
    const token = (await alice.post('/api/tokens', { name: 'ci', scope: 'read' })).json().token.id as string;
    expect((await alice.delete(`/api/tokens/${token}`)).statusCode).toBe(204);
    await alice.post('/api/auth/password', {
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: 'alice-new-password-1',
    });
    const mallory = await anonymousAgent(t.app);
    mallory.remoteAddress = '10.7.0.66';
    await mallory.login('alice', 'wrong-password-here');
    await mallory.login('nobody-here', 'wrong-password-here');
    const bob = await signUp(t.app, 'bob');

    const events = (await alice.get('/api/audit')).json().events as {
      action: string;
      address: string;
      at: string;
      target?: string;
    }[];
    expect(events.map((e) => e.action)).toEqual([
      'sign_in_failed',
      'password_changed',
      'token_revoked',
      'token_created',
      'registered',
    ]);
    expect(events[0]?.address).toBe('10.7.0.66');
    expect(events[2]).toMatchObject({ address: '10.7.0.1', target: token });
    expect(Date.parse(events[0]?.at ?? '')).not.toBeNaN();
    // Cross-user isolation: bob sees his registration only, never alice's events.
    const bobs = (await bob.get('/api/audit')).json().events as { username: string }[];
    expect(bobs.map((e) => e.username)).toEqual(['bob']);
    // Signed out: nothing.
    expect((await (await anonymousAgent(t.app)).get('/api/audit')).statusCode).toBe(401);
    await alice.post('/api/auth/logout');

    await t.deps.audit.close();
    const logDir = t.deps.config.logDir;
    const file = join(logDir, 'audit.log');
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).audit);
    expect(lines.map((l) => l.action)).toEqual(
      expect.arrayContaining([
        'registered',
        'token_created',
        'token_revoked',
        'password_changed',
        'sign_in_failed',
        'sign_out',
      ]),
    );
    // A failed sign-in for a name that is no user is in the file, stored for nobody.
    expect(lines.some((l) => l.action === 'sign_in_failed' && l.username === 'nobody-here')).toBe(true);
    expect(await t.storage.list('users/nobody-here/')).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('wrong-password-here');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(logDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(t.deps.config.dataDir, 'users'))).mode & 0o777).toBe(0o700);
  });

  it('never logs secret query parameters', async () => {
    const agent = await signUp(t.app);
    await agent.get(
      '/api/collections?token=agc_secret_value&password=hunter2hunter2&access_token=abc123xyz&ok=1',
    );
    const text = t.logs.join('');
    expect(text).toContain('ok=1');
    expect(text).not.toContain('agc_secret_value');
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('abc123xyz');
    expect(text).toContain('token=[redacted]');
  });
});
