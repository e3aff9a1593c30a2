/** Sign-in hardening (issue 15 §2): sessions only at sign-in, passwords, headers, origin, tokens. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_SCHEME } from '../../src/auth/passwords.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { Profile } from '../../src/users/service.js';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

describe('sign-in hardening', () => {
  let t: TestApp;
  let dir: string;
  let storage: LocalStorage;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-signin-'));
    storage = new LocalStorage(dir);
    t = await createTestApp({ storage });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('10,000+ anonymous CSRF requests create no session and sign nobody out', async () => {
    const alice = await signUp(t.app, 'alice');
    for (let i = 0; i < 10_400; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/auth/csrf',
        remoteAddress: `10.9.${i % 250}.1`,
      });
      if (res.statusCode !== 200) throw new Error(`csrf ${i}: ${res.statusCode}`);
    }
    expect((await alice.get('/api/auth/me')).json().user?.username).toBe('alice');
    expect(await storage.list(keys.authSessionsPrefix)).toHaveLength(1);
  }, 120_000);

  it('every byte of a long password counts (bcrypt alone reads 72)', async () => {
    const long = `${'a'.repeat(72)}X-and-more`;
    const korean = '비밀번호가정말로길어서칠십이바이트를넘는다네요진짜로'; // 26 chars, 78 bytes
    for (const [name, password, variant] of [
      ['longpass', long, `${'a'.repeat(72)}Y-and-more`],
      ['koreanpass', korean, `${korean.slice(0, 24)}요요`],
    ] as const) {
      await signUp(t.app, name, password);
      const other = await anonymousAgent(t.app);
      expect((await other.login(name, variant)).statusCode, name).toBe(401);
      expect((await other.login(name, password)).statusCode, name).toBe(200);
    }
  });

  it('upgrades a legacy bcrypt hash at the next sign-in', async () => {
    await signUp(t.app, 'legacy');
    const legacyHash = await bcrypt.hash(DEFAULT_TEST_PASSWORD, 4);
    await t.deps.documents.updateJson(keys.profile('legacy'), Profile, (p) => {
      if (!p) throw new Error('no profile');
      const { passwordScheme: _scheme, ...rest } = p;
      return { ...rest, passwordHash: legacyHash };
    });
    const agent = await anonymousAgent(t.app);
    expect((await agent.login('legacy', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    const upgraded = (await t.deps.documents.getJson(keys.profile('legacy'), Profile))?.value;
    expect(upgraded?.passwordScheme).toBe(PASSWORD_SCHEME);
    expect(upgraded?.passwordHash).not.toBe(legacyHash);
    const again = await anonymousAgent(t.app);
    expect((await again.login('legacy', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    expect((await again.login('legacy', 'not-the-password-1')).statusCode).toBe(401);
  });

  it('passwords: 12 to 128 characters, never a common one', async () => {
    const agent = await anonymousAgent(t.app);
    const register = (password: string) => agent.post('/api/auth/register', { username: 'rules', password });
    expect((await register('elevenchars')).json().error.fields).toEqual({ password: 'password_too_short' });
    expect((await register('x'.repeat(129))).json().error.fields).toEqual({ password: 'password_too_long' });
    const common = await register('Qwerty123456');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields).toEqual({ password: 'password_common' });
    const user = await signUp(t.app, 'changer');
    const change = await user.post('/api/auth/password', {
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: '1q2w3e4r5t6y',
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.fields).toEqual({ newPassword: 'password_common' });
  });

  it('every /api answer is no-store; pages are not', async () => {
    const agent = await signUp(t.app);
    for (const url of ['/api/auth/me', '/api/connections', '/api/nope']) {
      expect((await agent.get(url)).headers['cache-control'], url).toBe('no-store');
    }
    expect((await agent.post('/api/auth/login', {})).headers['cache-control']).toBe('no-store');
  });

  it('refuses a state-changing request from another origin, even with a valid CSRF token', async () => {
    const agent = await signUp(t.app);
    const host = 'console.test:5000';
    const foreign = await agent.post(
      '/api/tokens',
      { name: 'x', scope: 'read' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('origin_mismatch');
    const nullOrigin = await agent.post('/api/tokens', { name: 'x', scope: 'read' }, { origin: 'null' });
    expect(nullOrigin.statusCode).toBe(403);
    const same = await agent.post(
      '/api/tokens',
      { name: 'x', scope: 'read' },
      { origin: `http://${host}`, host },
    );
    expect(same.statusCode, same.body).toBe(201);
  });

  it('a password change revokes every API token of the user', async () => {
    const agent = await signUp(t.app, 'tokenowner');
    const created = await agent.post('/api/tokens', { name: 'script', scope: 'read' });
    const secret = created.json().secret as string;
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/connections', headers: bearer })).statusCode).toBe(
      200,
    );
    const changed = await agent.post('/api/auth/password', {
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: 'another-long-password-7',
    });
    expect(changed.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/connections', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect((await agent.get('/api/tokens')).json().tokens).toEqual([]);
  });
});
