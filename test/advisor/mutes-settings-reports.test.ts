/**
 * Muting, settings and report downloads through the real app, on one small EC2 + S3 run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdvisorRunDetailResponse,
  type CheckSetting,
  ChecksResponse,
  MuteResponse,
  MutesResponse,
  type NumberSetting,
} from '../../src/shared/api/advisor.js';
import { JsonReport } from '../../src/shared/api/report.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { connect, createVolume, REGION, startRun, waitForRun } from './seed.js';

const BOM = [0xef, 0xbb, 0xbf];

describe('muting, settings and reports through the real app', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let runId: string;
  let plain: string;
  let other: string;

  const detail = async () =>
    AdvisorRunDetailResponse.parse((await alice.get(`/api/advisor/runs/${runId}`)).json());

  beforeAll(async () => {
    await resetMoto();
    plain = await createVolume(false);
    other = await createVolume(false);
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
    runId = (await startRun(alice, { services: ['ec2', 's3'], regions: [REGION] })).runId;
    const done = await waitForRun(alice, runId);
    expect(done.run.status).toBe('completed');
  });
  afterAll(async () => t?.close());

  it('mutes one finding after the run: shown apart, out of the score, kept in the audit', async () => {
    const before = await detail();
    const res = await alice.post('/api/advisor/mutes', {
      checkId: 'ebs-volume-encrypted',
      resourceId: plain,
      region: REGION,
      reason: 'test data, 곧 삭제',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { rule } = MuteResponse.parse(res.json());
    const after = await detail();
    expect(after.muted).toContainEqual(
      expect.objectContaining({
        checkId: 'ebs-volume-encrypted',
        resourceId: plain,
        muted: expect.objectContaining({ reason: 'test data, 곧 삭제', by: 'alice', ruleId: rule.id }),
      }),
    );
    expect(after.findings.some((f) => f.checkId === 'ebs-volume-encrypted' && f.resourceId === plain)).toBe(
      false,
    );
    expect(after.findings.some((f) => f.checkId === 'ebs-volume-encrypted' && f.resourceId === other)).toBe(
      true,
    );
    expect(after.run.results?.mutedCount).toBe(1);
    expect(after.run.results?.score.failed).toBe((before.run.results?.score.failed ?? 0) - 1);
    expect(after.run.results?.score.muted).toBe(1);

    const del = await alice.delete(`/api/advisor/mutes/${rule.id}`);
    expect(del.statusCode).toBe(204);
    const list = MutesResponse.parse((await alice.get('/api/advisor/mutes')).json());
    expect(list.rules).toEqual([]);
    expect(list.audit.map((a) => a.action)).toEqual(['unmute', 'mute']);
    expect(list.audit[1]).toMatchObject({ ruleId: rule.id, by: 'alice', reason: 'test data, 곧 삭제' });
    expect((await detail()).muted).toEqual([]);
  });

  it('a whole-check mute with an expiry stops applying once it expires', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const res = await alice.post('/api/advisor/mutes', {
      checkId: 'ebs-volume-encrypted',
      reason: 'sandbox',
      expiresAt,
    });
    expect(res.statusCode, res.body).toBe(201);
    const muted = await detail();
    expect(muted.muted.filter((f) => f.checkId === 'ebs-volume-encrypted')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1600));
    const expired = await detail();
    expect(expired.muted).toEqual([]);
    const list = MutesResponse.parse((await alice.get('/api/advisor/mutes')).json());
    expect(list.rules).toEqual([expect.objectContaining({ checkId: 'ebs-volume-encrypted', active: false })]);
  });

  it('rejects bad mutes with 400 and hides them from other users', async () => {
    const unknown = await alice.post('/api/advisor/mutes', { checkId: 'no-such-check', reason: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_check');
    const past = await alice.post('/api/advisor/mutes', {
      checkId: 'ebs-volume-encrypted',
      reason: 'x',
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await alice.post('/api/advisor/mutes', { checkId: 'ebs-volume-encrypted', reason: '  ' })).statusCode,
    ).toBe(400);
    const mine = MuteResponse.parse(
      (await alice.post('/api/advisor/mutes', { checkId: 'ec2-eip-associated', reason: 'kept' })).json(),
    );
    expect((await bob.delete(`/api/advisor/mutes/${mine.rule.id}`)).statusCode).toBe(404);
    expect(MutesResponse.parse((await bob.get('/api/advisor/mutes')).json()).rules).toEqual([]);
  });

  it('settings: defaults and bounds, overrides validated (400), null resets, used by the next run', async () => {
    const all = ChecksResponse.parse((await alice.get('/api/advisor/settings')).json()).checks;
    const bounded = (s: CheckSetting): s is NumberSetting => s.kind === 'number' && s.max !== undefined;
    const check = all.find((c) => c.settings.some(bounded));
    const setting = check?.settings.find(bounded);
    if (!check || !setting || setting.max === undefined) throw new Error('no check with a bounded setting');
    expect(setting).toMatchObject({ value: setting.default, overridden: false });

    const tooBig = await alice.put('/api/advisor/settings', {
      overrides: { [check.id]: { [setting.name]: setting.max + 1 } },
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error).toMatchObject({
      code: 'invalid_settings',
      fields: { [`${check.id}.${setting.name}`]: 'out_of_range' },
    });
    const unknown = await alice.put('/api/advisor/settings', { overrides: { 'no-such-check': { x: 1 } } });
    expect(unknown.statusCode).toBe(400);
    const notNumber = await alice.put('/api/advisor/settings', {
      overrides: { [check.id]: { [setting.name]: 'ten' } },
    });
    expect(notNumber.statusCode).toBe(400);

    const value = setting.max;
    const ok = await alice.put('/api/advisor/settings', {
      overrides: { [check.id]: { [setting.name]: value } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = ChecksResponse.parse((await alice.get('/api/advisor/settings')).json()).checks.find(
      (c) => c.id === check.id,
    );
    expect(saved?.settings.find((s) => s.name === setting.name)).toMatchObject({ value, overridden: true });
    // Bob still sees the default.
    const bobs = ChecksResponse.parse((await bob.get('/api/advisor/checks')).json()).checks.find(
      (c) => c.id === check.id,
    );
    expect(bobs?.settings.find((s) => s.name === setting.name)?.overridden).toBe(false);

    const run = await startRun(alice, { services: [check.service], regions: [REGION] });
    const done = await waitForRun(alice, run.runId);
    expect(done.checks.find((c) => c.id === check.id)?.settings[setting.name]).toBe(value);

    await alice.put('/api/advisor/settings', { overrides: { [check.id]: { [setting.name]: null } } });
    const reset = ChecksResponse.parse((await alice.get('/api/advisor/settings')).json()).checks.find(
      (c) => c.id === check.id,
    );
    expect(reset?.settings.find((s) => s.name === setting.name)).toMatchObject({
      value: setting.default,
      overridden: false,
    });
  });

  it('downloads the run as PDF (streamed), CSV with BOM and JSON in the SPEC shape', async () => {
    const pdf = await alice.get(`/api/advisor/runs/${runId}/report?format=pdf&lang=ko`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="again-advisor-123456789012-.+-all-ko\.pdf"$/,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const csv = await alice.get(`/api/advisor/runs/${runId}/report?format=csv&lang=en&service=ec2`);
    expect(csv.statusCode).toBe(200);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual(BOM);
    expect(csv.body).toContain(plain);
    expect(csv.body).not.toContain('s3-bucket');

    const json = await alice.get(`/api/advisor/runs/${runId}/report?format=json&lang=en`);
    expect(json.statusCode).toBe(200);
    const report = JsonReport.parse(json.json());
    expect(report.account.id).toBe('123456789012');
    expect(report.services).toEqual(['ec2', 's3']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ checkId: 'ebs-volume-encrypted', resourceId: plain, status: 'fail' }),
    );

    expect((await alice.get(`/api/advisor/runs/${runId}/report?format=pdf&tz=Mars/Base`)).statusCode).toBe(
      400,
    );
    expect((await alice.get(`/api/advisor/runs/${runId}/report?format=doc`)).statusCode).toBe(400);
    expect((await alice.get(`/api/advisor/runs/${runId}/report?service=rds`)).statusCode).toBe(400);
  });

  it('exports a collection inventory as CSV with BOM and JSON; other users get 404', async () => {
    const { run } = await detail();
    const csv = await alice.get(`/api/collections/${run.collectionId}/export?format=csv&service=ec2`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual(BOM);
    expect(csv.body).toContain(plain);
    const json = await alice.get(`/api/collections/${run.collectionId}/export?format=json`);
    const body = json.json() as { services: { ec2: { 'ec2.volumes': { volumeId: string }[] } } };
    expect(body.services.ec2['ec2.volumes'].map((v) => v.volumeId).sort()).toEqual([plain, other].sort());
    expect((await alice.get(`/api/collections/${run.collectionId}/export?service=rds`)).statusCode).toBe(404);
    expect((await bob.get(`/api/collections/${run.collectionId}/export`)).statusCode).toBe(404);
  });
});
