/**
 * The web process restarted: signed-in users stay signed in and throttle counters survive, in the
 * embedded mode (sessions and counters in Storage) and the Redis mode (REDIS_URL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local.js';
import { anonymousAgent, createTestApp, signUp } from '../support/app.js';
import { redisUrl, resetRedis } from '../support/redis.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function sharedStorage(): Promise<LocalStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'again-restart-'));
  dirs.push(dir);
  return new LocalStorage(dir);
}

for (const mode of ['embedded', 'redis'] as const) {
  describe(`web process restart (${mode})`, () => {
    beforeEach(async () => {
      if (mode === 'redis') await resetRedis();
    });
    const env = () => (mode === 'redis' ? { REDIS_URL: redisUrl() } : undefined);

    it('keeps signed-in users signed in, and throttle counters count on', async () => {
      const storage = await sharedStorage();
      const throttle = { freePerPair: 3, baseDelayMs: 60_000 };
      const first = await createTestApp({ storage, env: env(), overrides: { loginThrottle: throttle } });
      const alice = await signUp(first.app, 'alice');
      await signUp(first.app, 'bob');
      const guesser = await anonymousAgent(first.app);
      guesser.remoteAddress = '10.1.1.1';
      for (let i = 0; i < 3; i++)
        expect((await guesser.login('bob', `wrong-guess-${i}`)).statusCode).toBe(401);
      await first.close();

      const second = await createTestApp({ storage, env: env(), overrides: { loginThrottle: throttle } });
      try {
        const aliceAgain = alice.on(second.app);
        expect((await aliceAgain.get('/api/auth/me')).json().user?.username).toBe('alice');
        const created = await aliceAgain.post('/api/tokens', { name: 'after-restart', scope: 'read' });
        expect(created.statusCode, created.body).toBe(201);
        // The fourth guess after the restart is delayed: the three before it were remembered.
        const refused = await guesser.on(second.app).login('bob', 'wrong-guess-3');
        expect(refused.statusCode).toBe(429);
        expect(refused.json().error.code).toBe('login_throttled');
      } finally {
        await second.close();
      }
    });
  });
}

describe('session ids at rest', () => {
  it('the embedded store keeps only hashes of session ids', async () => {
    const storage = await sharedStorage();
    const t = await createTestApp({ storage });
    try {
      const agent = await signUp(t.app, 'hashed');
      const cookie = agent.cookieHeader().match(/again\.sid=([^;]+)/)?.[1] ?? '';
      const rawId = decodeURIComponent(cookie).split('.')[0] ?? '';
      expect(rawId.length).toBeGreaterThan(10);
      const files = await storage.list('auth/sessions/');
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^auth\/sessions\/[0-9a-f]{64}\.json$/);
      expect(files[0]).not.toContain(rawId);
      const body = (await storage.get(files[0] ?? ''))?.body.toString() ?? '';
      expect(body).not.toContain(rawId);
    } finally {
      await t.close();
    }
  });
});
