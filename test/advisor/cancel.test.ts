/**
 * POST /api/advisor/runs/:runId/cancel through the real app. The app talks to the emulator through
 * a gate (./gate.ts) so a collection stays "in progress" until the test has cancelled it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runInstant } from '../../src/advisor/store.js';
import {
  AdvisorRunDetailResponse,
  AdvisorRunResponse,
  AdvisorRunSummary,
  AdvisorRunsResponse,
} from '../../src/shared/api/advisor.js';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { CreatedTokenResponse } from '../../src/shared/api/tokens.js';
import { keys } from '../../src/storage/keys.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoEndpoint, resetMoto } from '../support/moto.js';
import { type Gate, startGate } from './gate.js';
import { baseUrlOf, connect, REGION, readEvents, startRun } from './seed.js';

const SERVICES = ['ec2', 's3', 'iam'];

describe('cancelling an advisor run', () => {
  let gate: Gate;
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;

  const detail = async (runId: string) => {
    const res = await alice.get(`/api/advisor/runs/${runId}`);
    expect(res.statusCode, res.body).toBe(200);
    return AdvisorRunDetailResponse.parse(res.json());
  };

  /** Polls until the run reaches `status` (a run's phases are written by its job). */
  async function waitForStatus(runId: string, status: string) {
    for (let i = 0; i < 300; i++) {
      const { run } = await detail(runId);
      if (run.status === status) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${runId} never reached ${status}`);
  }

  /** History files (users/alice/advisor/{service}/…) of one run. */
  async function historyFiles(runId: string) {
    const stored = await t.storage.list(keys.advisorPrefix('alice'));
    const own = SERVICES.map((s) => keys.advisorRun('alice', s, runInstant(runId)));
    return stored.filter((k) => own.includes(k));
  }

  const withToken = (secret: string, url: string) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secret}` } });

  beforeAll(async () => {
    await resetMoto();
    gate = await startGate(motoEndpoint());
    t = await createTestApp({ env: { AWS_ENDPOINT_URL: gate.endpoint } });
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    gate?.open();
    await t?.close();
    await gate?.close();
  });

  it('cancels a run while it collects: its collection is cancelled too and no history file is written', async () => {
    gate.hold('s3');
    const run = await startRun(alice, { services: SERVICES, regions: [REGION] });
    await waitForStatus(run.runId, 'collecting');
    const stream = readEvents(
      baseUrlOf(t.app.server.address()),
      `/api/advisor/runs/${run.runId}/progress`,
      alice.cookieHeader(),
    );
    const res = await alice.post(`/api/advisor/runs/${run.runId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    const cancelled = AdvisorRunResponse.parse(res.json()).run;
    expect(cancelled).toMatchObject({ status: 'cancelled', failureReason: 'cancelled by the user' });
    expect(cancelled.finishedAt).toBeTruthy();
    expect(cancelled.results).toBeUndefined();

    const collection = CollectionResponse.parse(
      (await alice.get(`/api/collections/${run.collectionId}`)).json(),
    ).collection;
    expect(collection.status).toBe('cancelled');

    const { events } = await stream;
    expect(events.at(-1)?.event).toBe('done');
    expect(z.object({ run: AdvisorRunSummary }).parse(events.at(-1)?.data).run.status).toBe('cancelled');

    gate.open();
    const after = await detail(run.runId);
    expect(after.findings).toEqual([]);
    expect(after.run.status).toBe('cancelled');
    expect(await historyFiles(run.runId)).toEqual([]);
    const listed = AdvisorRunsResponse.parse((await alice.get('/api/advisor/runs')).json()).runs;
    expect(listed.find((r) => r.runId === run.runId)).toMatchObject({ status: 'cancelled' });
    expect(listed.find((r) => r.runId === run.runId)?.results).toBeUndefined();
    // Final now: a second cancel is a 409, its report does not exist, deleting it works.
    const again = await alice.post(`/api/advisor/runs/${run.runId}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('run_not_running');
    expect((await alice.get(`/api/advisor/runs/${run.runId}/report?format=json`)).statusCode).toBe(409);
  });

  it('cancels a queued run before it starts, as well as the runs ahead of it', async () => {
    // Two runs take both advisor slots and wait at the gate; the third waits in the queue.
    gate.hold('s3');
    const ahead = [
      await startRun(alice, { services: ['s3'], regions: [REGION] }),
      await startRun(alice, { services: ['ec2', 's3'], regions: [REGION] }),
    ];
    const queued = await startRun(alice, { services: ['iam'], regions: [REGION] });
    for (const r of ahead) await waitForStatus(r.runId, 'collecting');
    expect((await detail(queued.runId)).run.status).toBe('queued');

    const res = await alice.post(`/api/advisor/runs/${queued.runId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(AdvisorRunResponse.parse(res.json()).run.status).toBe('cancelled');
    for (const r of ahead) {
      const out = await alice.post(`/api/advisor/runs/${r.runId}/cancel`);
      expect(out.statusCode, out.body).toBe(200);
      expect(AdvisorRunResponse.parse(out.json()).run.status).toBe('cancelled');
    }
    gate.open();
    // The queued run's job never starts: it stays cancelled, with nothing written.
    await new Promise((r) => setTimeout(r, 300));
    for (const r of [...ahead, queued]) {
      expect((await detail(r.runId)).run.status).toBe('cancelled');
      expect(await historyFiles(r.runId)).toEqual([]);
      const c = (await alice.get(`/api/collections/${r.collectionId}`)).json();
      expect(CollectionResponse.parse(c).collection.status).toBe('cancelled');
    }
  });

  it('a finished run is a 409, another user gets 404, a bad id 404', async () => {
    const run = await startRun(alice, { services: ['ec2'], regions: [REGION] });
    await waitForStatus(run.runId, 'completed');
    const res = await alice.post(`/api/advisor/runs/${run.runId}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'run_not_running' });
    expect(res.body).not.toContain('at ');
    expect((await detail(run.runId)).run.status).toBe('completed');
    expect(await historyFiles(run.runId)).toHaveLength(1);

    gate.hold('s3');
    const running = await startRun(alice, { services: ['s3'], regions: [REGION] });
    for (const url of [`/api/advisor/runs/${running.runId}/cancel`, '/api/advisor/runs/not-a-run/cancel']) {
      const other = await bob.post(url);
      expect(other.statusCode, other.body).toBe(404);
      expect(other.json().error.code).toBe('run_not_found');
    }
    expect((await alice.post(`/api/advisor/runs/${running.runId}/cancel`)).statusCode).toBe(200);
    gate.open();
  });

  it('a read token may not cancel (403); a read-run token may', async () => {
    const mint = async (scope: string) => {
      const res = await alice.post('/api/tokens', { name: `t-${scope}`, scope });
      expect(res.statusCode, res.body).toBe(201);
      return CreatedTokenResponse.parse(res.json()).secret;
    };
    gate.hold('s3');
    const run = await startRun(alice, { services: ['s3'], regions: [REGION] });
    const denied = await withToken(await mint('read'), `/api/advisor/runs/${run.runId}/cancel`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('token_scope');
    expect((await detail(run.runId)).run.status).not.toBe('cancelled');

    const allowed = await withToken(await mint('read-run'), `/api/advisor/runs/${run.runId}/cancel`);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(AdvisorRunResponse.parse(allowed.json()).run.status).toBe('cancelled');
    gate.open();
  });

  it('restart recovery leaves cancelled runs cancelled and still fails the unfinished ones', async () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    const base = {
      username: 'alice',
      requestedAt: at.toISOString(),
      services: ['ec2' as const],
      regions: [],
      connectionId: 'c',
      reusedCollection: true,
    };
    const cancelled = await t.deps.advisor.runs.create({ ...base, status: 'cancelled' }, at);
    const stuck = await t.deps.advisor.runs.create({ ...base, status: 'collecting' }, at);
    expect(await t.deps.advisor.recover()).toBe(1);
    expect((await t.deps.advisor.runs.get('alice', cancelled.runId))?.status).toBe('cancelled');
    expect((await t.deps.advisor.runs.get('alice', stuck.runId))?.status).toBe('failed');
  });
});
