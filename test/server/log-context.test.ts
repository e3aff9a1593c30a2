/**
 * Issue 10 §1: log lines carry their context. A request's lines carry Fastify's reqId (and the
 * signed-in user once the session is known); a job's lines carry its job id and user, from
 * whichever process runs it (pino child loggers under the domain's log function).
 */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';

type LogLine = Record<string, unknown> & { msg?: string };

const parsed = (t: TestApp): LogLine[] => t.logs.map((line) => JSON.parse(line) as LogLine);

describe('log lines carry request id, job id and user', () => {
  let t: TestApp;
  let alice: Agent;

  beforeAll(async () => {
    await resetMoto();
    const iam = new IAMClient(motoClientConfig('us-east-1'));
    await iam.send(new CreateUserCommand({ UserName: 'log-context' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'log-context' }));
    iam.destroy();
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    const conn = await alice.post('/api/connections', {
      kind: 'keys',
      name: 'emulator',
      accessKeyId: key.AccessKey?.AccessKeyId,
      secretAccessKey: key.AccessKey?.SecretAccessKey,
    });
    expect(conn.statusCode, conn.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('a request line carries reqId and the user; a job line carries jobId and the user', async () => {
    const res = await alice.post('/api/collections', { services: ['iam'], regions: ['us-east-1'] });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = CollectionResponse.parse(res.json()).collection;

    const completed = parsed(t).find(
      (l) => l.msg === 'request completed' && l.user === 'alice' && typeof l.reqId === 'string',
    );
    expect(completed, 'a "request completed" line with reqId and user').toBeDefined();
    // Every line Fastify wrote for a request has its id.
    for (const line of parsed(t).filter((l) => l.msg === 'incoming request'))
      expect(line.reqId).toEqual(expect.any(String));

    const finished = await eventually(
      () => {
        const line = parsed(t).find((l) => l.msg === 'collection finished' && l.jobId === id);
        if (!line) throw new Error(`the collection job has not logged yet: ${t.logs.slice(-5).join('')}`);
        return line;
      },
      { timeoutMs: 30_000 },
    );
    expect(finished).toMatchObject({ jobId: id, user: 'alice', component: 'collections' });
    // A job line is not a request line: no request id leaks into it.
    expect(finished.reqId).toBeUndefined();
  });
});
