import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ overrides: { loginThrottle: { maxPerAccount: 5, maxPerAddress: 8 } } });
    await signUp(t.app, 'victim');
    for (let i = 0; i < 3; i++) await signUp(t.app, `spray-${i}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('locks an account after 5 failures, even for the right password and from another address', async () => {
    const attacker = await anonymousAgent(t.app);
    attacker.remoteAddress = '10.0.0.1';
    for (let i = 0; i < 5; i++)
      expect((await attacker.login('victim', `wrong-${i}-password`)).statusCode).toBe(401);
    const sixth = await attacker.login('victim', 'wrong-again-password');
    expect(sixth.statusCode).toBe(429);
    const body = sixth.json();
    expect(body.error.code).toBe('login_throttled');
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(sixth.headers['retry-after']).toBe(String(body.error.retryAfterSeconds));
    const owner = await anonymousAgent(t.app);
    owner.remoteAddress = '10.0.0.2';
    expect((await owner.login('victim', DEFAULT_TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('locks an address spraying many accounts, while other addresses still sign in', async () => {
    const sprayer = await anonymousAgent(t.app);
    sprayer.remoteAddress = '10.0.0.9';
    const codes: number[] = [];
    for (let i = 0; i < 9; i++)
      codes.push((await sprayer.login(`spray-${i % 3}`, `wrong-${i}-password`)).statusCode);
    // 8 failures are allowed per address (no account reaches 5: 3 each), the 9th is refused.
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes[8]).toBe(429);
    expect((await sprayer.login('spray-0', DEFAULT_TEST_PASSWORD)).statusCode).toBe(429);
    const someoneElse = await anonymousAgent(t.app);
    someoneElse.remoteAddress = '10.0.0.10';
    expect((await someoneElse.login('spray-0', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('session idle timeout', () => {
  let t: TestApp;
  let clock = Date.now();
  beforeAll(async () => {
    t = await createTestApp({
      env: { SESSION_IDLE_MINUTES: '30' },
      overrides: { now: () => new Date(clock) },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an active session alive (rolling) and ends one idle for longer than 30 minutes', async () => {
    const agent = await signUp(t.app, 'sleepy');
    for (let i = 0; i < 3; i++) {
      clock += 20 * 60_000; // 60 minutes in total, but never 30 idle
      expect((await agent.get('/api/auth/me')).json().user?.username).toBe('sleepy');
    }
    clock += 31 * 60_000;
    expect((await agent.get('/api/auth/me')).json()).toEqual({ user: null });
    expect((await agent.get('/api/connections')).statusCode).toBe(401);
  });

  it('sets a Secure cookie behind an HTTPS proxy only when TRUST_PROXY says so', async () => {
    const trusting = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      for (const [app, secure] of [
        [trusting.app, true],
        [t.app, false],
      ] as const) {
        const res = await app.inject({
          method: 'GET',
          url: '/api/auth/csrf',
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(/;\s*Secure/i.test(String(res.headers['set-cookie'])), `secure=${secure}`).toBe(secure);
      }
    } finally {
      await trusting.close();
    }
  });
});
