/**
 * Advisor runs end to end through the real app: seed the emulator, collect, advise, then history,
 * reuse of a collection, comparison and deletion. Muting, settings and reports: the other files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runInstant } from '../../src/advisor/store.js';
import {
  AdvisorRunSummary,
  AdvisorRunsResponse,
  CompareResponse,
  type AdvisorRunDetailResponse as Detail,
} from '../../src/shared/api/advisor.js';
import { CollectionsResponse } from '../../src/shared/api/collections.js';
import { JsonReport } from '../../src/shared/api/report.js';
import { keys } from '../../src/storage/keys.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import {
  baseUrlOf,
  connect,
  createVolume,
  deleteVolume,
  REGION,
  readEvents,
  seedAccount,
  startRun,
  waitForRun,
} from './seed.js';

const find = (detail: Detail, checkId: string, resourceId: string) =>
  [...detail.findings, ...detail.muted].find((f) => f.checkId === checkId && f.resourceId === resourceId);

describe('advisor runs through the real app and the emulator', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let seeded: { plainVolume: string; encryptedVolume: string };
  let first: Detail;
  let reused: Detail;

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedAccount();
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('collects what the checks need, advises, streams the phases and stores one file per service', async () => {
    const run = await startRun(alice, { services: ['ec2', 's3', 'lambda', 'rds', 'iam'], regions: [REGION] });
    expect(run.status).toBe('queued');
    expect(run.reusedCollection).toBe(false);
    expect(run.collectionId).toBeTruthy();

    const stream = await readEvents(
      baseUrlOf(t.app.server.address()),
      `/api/advisor/runs/${run.runId}/progress`,
      alice.cookieHeader(),
    );
    expect(stream.status).toBe(200);
    const names = stream.events.map((e) => e.event);
    expect(names[0]).toBe('snapshot');
    expect(names.at(-1)).toBe('done');
    const statuses = stream.events
      .filter((e) => e.event === 'status')
      .map((e) => (e.data as { status: string }).status);
    expect(statuses).toContain('evaluating');
    const done = z.object({ run: AdvisorRunSummary }).parse(stream.events.at(-1)?.data).run;
    expect(done.status).toBe('completed');

    first = await waitForRun(alice, run.runId);
    expect(first.run.status).toBe('completed');
    expect(find(first, 'ebs-volume-encrypted', seeded.plainVolume)?.status).toBe('fail');
    expect(find(first, 'ebs-volume-encrypted', seeded.encryptedVolume)?.status).toBe('pass');
    expect(find(first, 's3-bucket-not-public', 'adv-public')?.status).toBe('fail');
    expect(find(first, 's3-bucket-not-public', 'adv-private')?.status).toBe('pass');
    expect(find(first, 's3-bucket-default-encryption', 'adv-private')?.status).toBe('pass');
    expect(find(first, 'lambda-function-runtime-supported', 'legacy')?.status).toBe('fail');
    expect(find(first, 'lambda-function-runtime-supported', 'current')?.status).toBe('pass');
    expect(find(first, 'iam-user-console-mfa', 'console-no-mfa')?.status).toBe('fail');
    expect(find(first, 'rds-instance-backup-enabled', 'db-nobackup')?.status).toBe('fail');
    expect(find(first, 'rds-instance-backup-enabled', 'db-backup')?.status).toBe('pass');
    // Every service got its checks and its settings in force.
    expect(first.checks.map((c) => c.id)).toContain('ebs-volume-encrypted');
    expect(first.run.results?.scoreByService.ec2?.failed).toBeGreaterThan(0);
    expect(first.run.results?.countsByStatus.fail).toBe(
      first.findings.filter((f) => f.status === 'fail').length,
    );

    const stored = await t.storage.list(keys.advisorPrefix('alice'));
    for (const service of ['ec2', 's3', 'lambda', 'rds', 'iam'])
      expect(stored).toContain(keys.advisorRun('alice', service, runInstant(first.run.runId)));
  });

  it('reuses a chosen completed collection without collecting again', async () => {
    const before = CollectionsResponse.parse((await alice.get('/api/collections')).json()).collections.length;
    const run = await startRun(alice, { services: ['ec2'], collectionId: first.run.collectionId });
    expect(run.reusedCollection).toBe(true);
    reused = await waitForRun(alice, run.runId);
    expect(reused.run).toMatchObject({ status: 'completed', collectionId: first.run.collectionId });
    expect(reused.findings.every((f) => f.service === 'ec2')).toBe(true);
    expect(find(reused, 'ebs-volume-encrypted', seeded.plainVolume)?.status).toBe('fail');
    const after = CollectionsResponse.parse((await alice.get('/api/collections')).json()).collections.length;
    expect(after).toBe(before);
  });

  it('lists runs newest first with counts, score and savings', async () => {
    const list = AdvisorRunsResponse.parse((await alice.get('/api/advisor/runs')).json());
    expect(list.runs.map((r) => r.runId)).toEqual([reused.run.runId, first.run.runId]);
    expect(list.runs[1]?.results?.openBySeverity.high).toBeGreaterThan(0);
    const ec2Only = AdvisorRunsResponse.parse((await alice.get('/api/advisor/runs?service=s3')).json());
    expect(ec2Only.runs.map((r) => r.runId)).toEqual([first.run.runId]);
    expect((await bob.get('/api/advisor/runs')).json()).toEqual({ runs: [] });
  });

  it('compares two runs: new, resolved (resource gone) and still failing', async () => {
    await deleteVolume(seeded.plainVolume);
    const fresh = await createVolume(false);
    const run = await startRun(alice, { services: ['ec2'], regions: [REGION] });
    const third = await waitForRun(alice, run.runId);
    const res = await alice.get(`/api/advisor/compare?from=${reused.run.runId}&to=${third.run.runId}`);
    expect(res.statusCode, res.body).toBe(200);
    const diff = CompareResponse.parse(res.json());
    expect(diff.services).toEqual(['ec2']);
    expect(diff.new).toContainEqual(
      expect.objectContaining({ checkId: 'ebs-volume-encrypted', resourceId: fresh }),
    );
    expect(diff.resolved).toContainEqual({
      before: expect.objectContaining({ checkId: 'ebs-volume-encrypted', resourceId: seeded.plainVolume }),
      after: null,
    });
    expect(diff.stillFailing).toContainEqual(
      expect.objectContaining({ checkId: 'ebs-default-encryption-enabled', region: REGION }),
    );
    expect(diff.new.some((f) => f.resourceId === seeded.encryptedVolume)).toBe(false);
    // The report's change since the previous run of the same scope (EC2, one region) is that diff.
    const report = JsonReport.parse(
      (await alice.get(`/api/advisor/runs/${third.run.runId}/report?format=json`)).json(),
    );
    expect(report.changeSincePreviousRun).toEqual({
      previousRunAt: reused.run.requestedAt,
      newCount: diff.new.length,
      resolvedCount: diff.resolved.length,
    });
    // The first run covered five services: no earlier run of its scope.
    const firstReport = JsonReport.parse(
      (await alice.get(`/api/advisor/runs/${first.run.runId}/report?format=json`)).json(),
    );
    expect(firstReport.changeSincePreviousRun).toBeUndefined();
    // An EC2-only collection cannot be reused for S3.
    const s3 = await alice.post('/api/advisor/runs', {
      services: ['s3'],
      collectionId: third.run.collectionId,
    });
    expect(s3.statusCode).toBe(400);
    expect(s3.json().error.code).toBe('collection_not_usable');
  });

  it("another user's runs are 404 on every route; bad ids are 404, bad input 400", async () => {
    const id = first.run.runId;
    for (const res of [
      await bob.get(`/api/advisor/runs/${id}`),
      await bob.get(`/api/advisor/runs/${id}/progress`),
      await bob.get(`/api/advisor/runs/${id}/report?format=json`),
      await bob.delete(`/api/advisor/runs/${id}`),
      await bob.get(`/api/advisor/compare?from=${id}&to=${reused.run.runId}`),
      await bob.post('/api/advisor/runs', { services: ['ec2'], collectionId: first.run.collectionId }),
      await bob.get(`/api/collections/${first.run.collectionId}/export?format=csv`),
      await alice.get('/api/advisor/runs/not-a-run-id'),
      await alice.get('/api/advisor/runs/..%2F..%2Fetc'),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('at ');
    }
    const empty = await alice.post('/api/advisor/runs', { services: [] });
    expect(empty.statusCode).toBe(400);
    const unknown = await alice.post('/api/advisor/runs', { services: ['ec2'], regions: ['moon-1'] });
    expect(unknown.statusCode).toBe(400);
    // Bob has no AWS connection: a clear 400, not a failed run.
    const noConn = await bob.post('/api/advisor/runs', { services: ['ec2'], regions: [REGION] });
    expect(noConn.statusCode, noConn.body).toBe(400);
  });

  it('deletes a run and its history files', async () => {
    const res = await alice.delete(`/api/advisor/runs/${reused.run.runId}`);
    expect(res.statusCode).toBe(204);
    expect((await alice.get(`/api/advisor/runs/${reused.run.runId}`)).statusCode).toBe(404);
    const left = await t.storage.list(keys.advisorPrefix('alice', 'ec2'));
    expect(left.some((k) => k.includes(reused.run.runId))).toBe(false);
  });
});
