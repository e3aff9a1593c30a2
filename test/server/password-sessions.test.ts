/**
 * Changing the password signs out the user's other sessions (a stolen session cookie dies with the
 * old password) while the browser that changed it stays signed in; other users are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

const NEW_PASSWORD = 'a-brand-new-password-9';
const me = async (agent: { get: (url: string) => Promise<{ json: () => unknown }> }) =>
  ((await agent.get('/api/auth/me')).json() as { user: { username: string } | null }).user?.username ?? null;

describe('password change and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('signs out the other sessions of the user and keeps the current one', async () => {
    const laptop = await signUp(t.app, 'carol');
    const phone = await anonymousAgent(t.app);
    expect((await phone.login('carol', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    const bystander = await signUp(t.app, 'dave');
    expect(await me(phone)).toBe('carol');

    const changed = await laptop.post('/api/auth/password', {
      currentPassword: DEFAULT_TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(204);

    // The changing browser keeps working, including state-changing requests (CSRF kept).
    expect(await me(laptop)).toBe('carol');
    const created = await laptop.post('/api/tokens', { name: 'after-change', scope: 'read' });
    expect(created.statusCode, created.body).toBe(201);

    // The other session is gone: signed out for reads, and cannot act.
    expect(await me(phone)).toBeNull();
    const denied = await phone.get('/api/connections');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('unauthenticated');

    // Another user's session is not affected.
    expect(await me(bystander)).toBe('dave');

    // Signing in again with the new password works on the phone; the old password does not.
    await phone.fetchCsrf();
    expect((await phone.login('carol', DEFAULT_TEST_PASSWORD)).statusCode).toBe(401);
    expect((await phone.login('carol', NEW_PASSWORD)).statusCode).toBe(200);
    expect(await me(phone)).toBe('carol');
    expect(await me(laptop)).toBe('carol');
  });

  it('a wrong current password signs nobody out', async () => {
    const first = await signUp(t.app, 'erin');
    const second = await anonymousAgent(t.app);
    expect((await second.login('erin', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    const res = await first.post('/api/auth/password', {
      currentPassword: 'not-the-password-1',
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(await me(second)).toBe('erin');
    expect(await me(first)).toBe('erin');
  });
});
