import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousAgent,
  createTestApp,
  DEFAULT_TEST_PASSWORD,
  signUp,
  type TestApp,
} from '../support/app.js';

describe('login throttling: slow down, never lock the owner out', () => {
  let t: TestApp;
  let clock = Date.now();
  beforeAll(async () => {
    t = await createTestApp({
      overrides: {
        now: () => new Date(clock),
        loginThrottle: { freePerPair: 3, freePerAccount: 12, maxPerAddress: 8, baseDelayMs: 1000 },
      },
    });
    await signUp(t.app, 'victim');
    for (let i = 0; i < 3; i++) await signUp(t.app, `spray-${i}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("someone else's failures do not block the owner signing in from their own address", async () => {
    const attacker = await anonymousAgent(t.app);
    attacker.remoteAddress = '10.0.0.1';
    for (let i = 0; i < 3; i++)
      expect((await attacker.login('victim', `wrong-${i}-password`)).statusCode).toBe(401);
    const fourth = await attacker.login('victim', 'wrong-again-password');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('login_throttled');
    expect(fourth.headers['retry-after']).toBe(String(fourth.json().error.retryAfterSeconds));
    // Even the right password waits from the guessing address…
    expect((await attacker.login('victim', DEFAULT_TEST_PASSWORD)).statusCode).toBe(429);
    // …while the owner, from their own address, signs in at once.
    const owner = await anonymousAgent(t.app);
    owner.remoteAddress = '10.0.0.2';
    expect((await owner.login('victim', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('delays grow exponentially, and end: no hard lock', async () => {
    await signUp(t.app, 'patient');
    const guesser = await anonymousAgent(t.app);
    guesser.remoteAddress = '10.0.0.3';
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await guesser.login('patient', `wrong-${i}-password`);
      if (res.statusCode === 429) {
        const wait = res.json().error.retryAfterSeconds as number;
        waits.push(wait);
        clock += wait * 1000; // wait it out, then guess again
        expect((await guesser.login('patient', `wrong-${i}-password`)).statusCode).toBe(401);
      }
    }
    expect(waits).toEqual([1, 2, 4]);
    clock += 8000;
    expect((await guesser.login('patient', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a much higher per-account ceiling slows guesses spread over many addresses', async () => {
    await signUp(t.app, 'target');
    for (let i = 0; i < 12; i++) {
      const agent = await anonymousAgent(t.app);
      agent.remoteAddress = `10.2.0.${i}`;
      expect((await agent.login('target', `wrong-${i}-password`)).statusCode).toBe(401);
    }
    const fresh = await anonymousAgent(t.app);
    fresh.remoteAddress = '10.2.1.1';
    expect((await fresh.login('target', 'wrong-13-password')).statusCode).toBe(429);
    clock += 2000;
    expect((await fresh.login('target', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an address spraying many accounts, while other addresses still sign in', async () => {
    const sprayer = await anonymousAgent(t.app);
    sprayer.remoteAddress = '10.0.0.9';
    const codes: number[] = [];
    for (let i = 0; i < 9; i++)
      codes.push((await sprayer.login(`spray-${i % 3}`, `wrong-${i}-password`)).statusCode);
    // 8 failures are allowed per address (3 per account stays under the pair's delays), the 9th is refused.
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(codes[8]).toBe(429);
    expect((await sprayer.login('spray-0', DEFAULT_TEST_PASSWORD)).statusCode).toBe(429);
    const someoneElse = await anonymousAgent(t.app);
    someoneElse.remoteAddress = '10.0.0.10';
    expect((await someoneElse.login('spray-0', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits registrations per address', async () => {
    const limited = await createTestApp({ overrides: { registrationsPerHour: 2 } });
    try {
      const agent = await anonymousAgent(limited.app);
      agent.remoteAddress = '10.3.0.1';
      const register = (username: string) =>
        agent.post('/api/auth/register', { username, password: DEFAULT_TEST_PASSWORD });
      expect((await register('first-one')).statusCode).toBe(201);
      expect((await register('first-one')).statusCode).toBe(409); // a taken name counts too
      const third = await register('third-one');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('registration_throttled');
      const elsewhere = await anonymousAgent(limited.app);
      elsewhere.remoteAddress = '10.3.0.2';
      expect(
        (
          await elsewhere.post('/api/auth/register', {
            username: 'third-one',
            password: DEFAULT_TEST_PASSWORD,
          })
        ).statusCode,
      ).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('session lifetime', () => {
  let t: TestApp;
  let clock = Date.now();
  beforeAll(async () => {
    t = await createTestApp({
      env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' },
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

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const agent = await signUp(t.app, 'busy');
    // Active every 20 minutes (never idle) for 11 h 40 min, then 11 h 59 min…
    for (let minutes = 20; minutes <= 700; minutes += 20) {
      clock += 20 * 60_000;
      expect((await agent.get('/api/auth/me')).json().user?.username, `${minutes} min`).toBe('busy');
    }
    clock += 19 * 60_000;
    expect((await agent.get('/api/auth/me')).json().user?.username).toBe('busy');
    // …and signed out at 12 h 1 min, active or not.
    clock += 2 * 60_000;
    expect((await agent.get('/api/auth/me')).json()).toEqual({ user: null });
  });

  it('sets a Secure cookie and HSTS behind an HTTPS proxy only when TRUST_PROXY says so', async () => {
    const trusting = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      for (const [app, behindProxy] of [
        [trusting.app, true],
        [t.app, false],
      ] as const) {
        const res = await app.inject({
          method: 'GET',
          url: '/api/auth/csrf',
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(/;\s*Secure/i.test(String(res.headers['set-cookie'])), `secure=${behindProxy}`).toBe(
          behindProxy,
        );
        expect(res.headers['strict-transport-security'] !== undefined, `hsts=${behindProxy}`).toBe(
          behindProxy,
        );
      }
    } finally {
      await trusting.close();
    }
  });
});
