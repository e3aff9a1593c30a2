import { Writable } from 'node:stream';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { SESSION_COOKIE } from '../../src/server/session.js';
import { anonymousAgent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';

describe('secrets never leave the server', () => {
  let t: TestApp;
  const responses: LightMyRequestResponse[] = [];
  const secrets: string[] = [];
  const password = 'very-secret-password-42';
  const record = (res: LightMyRequestResponse) => {
    responses.push(res);
    return res;
  };

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp();
    const sts = new STSClient(motoClientConfig('us-east-1'));
    const c = (
      await sts.send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::555566667777:role/Temp', RoleSessionName: 'temp' }),
      )
    ).Credentials!;
    sts.destroy();
    secrets.push(password, c.SecretAccessKey!, c.SessionToken!, 'test-secret-key-0123456789abcdef');

    const user = await signUp(t.app, 'keeper', password);
    const stranger = await anonymousAgent(t.app);
    record(await stranger.login('keeper', 'wrong-password-but-long'));
    record(await stranger.login('keeper', password));
    record(await user.get('/api/auth/me'));
    const created = record(
      await user.post('/api/connections', {
        kind: 'keys',
        name: 'temp keys',
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
      }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().connection.id as string;
    record(await user.get('/api/connections'));
    record(await user.get(`/api/connections/${id}`));
    record(await user.post(`/api/connections/${id}/verify`));
    record(await user.get('/api/connections/role-setup'));
    // Invalid input that carries a secret must not be echoed back.
    record(
      await user.post('/api/connections', {
        kind: 'keys',
        name: 'x',
        accessKeyId: 'not-a-key',
        secretAccessKey: c.SecretAccessKey,
      }),
    );
    record(
      await user.post('/api/auth/password', { currentPassword: password, newPassword: password.slice(0, 3) }),
    );
    record(await user.post('/api/auth/logout'));
    const cookie = (created.cookies as { name: string; value: string }[]).find(
      (k) => k.name === SESSION_COOKIE,
    );
    if (cookie) secrets.push(cookie.value);
    if (user.csrfToken) secrets.push(user.csrfToken);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('no response body or header contains a password, secret key, session token or SECRET_KEY', () => {
    expect(responses.length).toBeGreaterThan(10);
    const stored = secrets.slice(0, 4);
    for (const res of responses) {
      const text = `${res.body}\n${JSON.stringify(res.headers)}`;
      for (const secret of stored) expect(text.includes(secret), `${res.statusCode} ${res.body}`).toBe(false);
    }
  });

  it('no log line contains any of them, nor the session cookie or CSRF token', () => {
    expect(t.logs.length).toBeGreaterThan(20);
    const leaking = t.logs.filter((line) => secrets.some((s) => line.includes(s)));
    expect(leaking).toEqual([]);
  });

  it('the logger redacts secret fields at any depth', () => {
    const lines: string[] = [];
    const logger = createLogger({
      stream: new Writable({
        write(chunk: Buffer, _e, cb) {
          lines.push(chunk.toString());
          cb();
        },
      }),
    });
    logger.info({
      password: 'p-1',
      body: { secretAccessKey: 's-2', nested: { sessionToken: 't-3' } },
      req: { headers: { cookie: 'c-4', authorization: 'a-5', 'x-csrf-token': 'x-6' } },
      res: { headers: { 'set-cookie': 'y-7' } },
      credentials: { accessKeyId: 'AKIA', secretAccessKey: 'z-8' },
    });
    const out = lines.join('');
    for (const value of ['p-1', 's-2', 't-3', 'c-4', 'a-5', 'x-6', 'y-7', 'z-8'])
      expect(out).not.toContain(value);
    expect(out).toContain('[redacted]');
  });
});
