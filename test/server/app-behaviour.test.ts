import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import bcrypt from 'bcrypt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../../src/core/storage.js';
import { LocalStorage } from '../../src/storage/local.js';
import { S3Storage } from '../../src/storage/s3.js';
import { anonymousAgent, createTestApp, DEFAULT_TEST_PASSWORD, signUp } from '../support/app.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';

describe('web client serving', () => {
  let webRoot: string;
  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'again-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>spa</title>');
    await writeFile(join(webRoot, 'app.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await rm(webRoot, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for client routes, JSON 404 under /api', async () => {
    const t = await createTestApp({ overrides: { webRoot } });
    try {
      const file = await t.app.inject({ method: 'GET', url: '/app.js' });
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe('console.log(1)');
      const page = await t.app.inject({ method: 'GET', url: '/advisor/history?x=1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>spa</title>');
      const api = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await t.close();
    }
  });

  it('explains, in Korean and English, when the web client is not built', async () => {
    const t = await createTestApp({ overrides: { webRoot: join(webRoot, 'missing') } });
    try {
      const page = await t.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build:web');
      expect(page.body).toContain('빌드');
    } finally {
      await t.close();
    }
  });
});

describe('errors and limits', () => {
  it('an unexpected failure is a 500 with a request id, logged, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'again-broken-'));
    const local = new LocalStorage(dir);
    const broken: Storage = {
      kind: 'local',
      // Only the connections document fails: sign-up (profile, session, counters) still works.
      get: async (key) => {
        if (key.endsWith('/connections.json')) throw new Error('disk on fire');
        return await local.get(key);
      },
      head: (key) => local.head(key),
      put: (...args) => local.put(...args),
      delete: (key) => local.delete(key),
      list: (prefix) => local.list(prefix),
    };
    const t = await createTestApp({ storage: broken });
    try {
      const agent = await signUp(t.app, 'unlucky');
      const res = await agent.get('/api/connections');
      expect(res.statusCode).toBe(500);
      const { error } = res.json();
      expect(error.code).toBe('internal');
      expect(error.message).not.toContain('disk on fire');
      const reqId = /request id ([\w-]+)/.exec(error.message)?.[1];
      expect(reqId).toBeTruthy();
      expect(res.body).not.toMatch(/\bat \S+ \(/);
      expect(t.logs.some((l) => l.includes('disk on fire') && l.includes(reqId ?? '?'))).toBe(true);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the global rate limit answers 429 rate_limited with a retry time', async () => {
    // A web root with one bundle file, to show the client's chunks stay out of the count.
    const webRoot = await mkdtemp(join(tmpdir(), 'again-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(webRoot, 'assets', 'index-0000.js'), 'export {};');
    const t = await createTestApp({ overrides: { rateLimitPerMinute: 5, webRoot } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++)
        codes.push((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
      expect(res.json().error.retryAfterSeconds).toBeGreaterThan(0);
      // The web client's bundle files stay out of the count: a refused chunk would blank the page.
      const chunk = await t.app.inject({ method: 'GET', url: '/assets/index-0000.js' });
      expect(chunk.statusCode).toBe(200);
    } finally {
      await t.close();
      await rm(webRoot, { recursive: true, force: true });
    }
  });

  it('an unknown user costs one bcrypt comparison, like a known one', async () => {
    const t = await createTestApp();
    try {
      await signUp(t.app, 'known');
      const spy = vi.spyOn(bcrypt, 'compare');
      const agent = await anonymousAgent(t.app);
      expect((await agent.login('nobody-here', DEFAULT_TEST_PASSWORD)).statusCode).toBe(401);
      expect((await agent.login('known', 'wrong-password-xyz')).statusCode).toBe(401);
      expect(spy).toHaveBeenCalledTimes(2);
      const [unknown, known] = [await agent.login('nobody-here', 'x'), await agent.login('known', 'x')];
      expect(unknown.json()).toEqual(known.json());
      spy.mockRestore();
    } finally {
      await t.close();
    }
  });
});

describe('the app on S3 storage (emulator)', () => {
  it('registers with create-only S3 writes: one of two racing registrations wins', async () => {
    await resetMoto();
    const config = motoClientConfig('us-east-1');
    const s3 = new S3Client(config);
    await s3.send(new CreateBucketCommand({ Bucket: 'again-app-data' }));
    s3.destroy();
    const storage = new S3Storage('again-app-data', { ...config, maxAttempts: 3 });
    const t = await createTestApp({ storage });
    try {
      const [a, b] = await Promise.all([anonymousAgent(t.app), anonymousAgent(t.app)]);
      const codes = await Promise.all(
        [a, b].map(
          async (agent) =>
            (await agent.post('/api/auth/register', { username: 'same', password: DEFAULT_TEST_PASSWORD }))
              .statusCode,
        ),
      );
      expect(codes.sort()).toEqual([201, 409]);
      const profiles = (await storage.list('users/')).filter((k) => k.endsWith('/profile.json'));
      expect(profiles).toEqual(['users/same/profile.json']);
      const agent = await anonymousAgent(t.app);
      expect((await agent.login('same', DEFAULT_TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await t.close();
      storage.destroy();
    }
  });
});
