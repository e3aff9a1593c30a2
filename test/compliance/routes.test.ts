/**
 * The compliance route on stored runs (trend, statuses, 400/404) and on a real run against the
 * emulator (an unencrypted EBS volume fails FSBP EC2.3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplianceResponse } from '../../src/shared/api/compliance.js';
import { connect, createVolume, REGION, startRun, waitForRun } from '../advisor/seed.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { writeSyntheticRun } from '../support/synthetic-run.js';
import { findingOf, NEWER_RUN, OLDER_RUN } from './fixtures.js';

describe('GET /api/advisor/runs/:runId/compliance', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let olderRun: string;
  let newerRun: string;
  let bobRun: string;

  const view = async (agent: Agent, runId: string, framework = 'cis') => {
    const res = await agent.get(`/api/advisor/runs/${runId}/compliance?framework=${framework}`);
    expect(res.statusCode, res.body).toBe(200);
    return ComplianceResponse.parse(res.json());
  };

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    olderRun = await writeSyntheticRun(t.storage, 'alice', OLDER_RUN, new Date('2025-01-01T00:00:00Z'));
    newerRun = await writeSyntheticRun(t.storage, 'alice', NEWER_RUN, new Date('2025-01-08T00:00:00Z'));
    bobRun = await writeSyntheticRun(
      t.storage,
      'bob',
      [findingOf('ec2-instance-imdsv2-required', 'fail', 'i-bob-secret')],
      new Date('2025-01-05T00:00:00Z'),
    );
  });
  afterAll(async () => t?.close());

  it('rolls up each CIS control: failing resources, unknown, manual, share and counts', async () => {
    const older = await view(alice, olderRun);
    const byId = new Map(older.controls.map((c) => [c.id, c]));
    expect(older.controls).toHaveLength(63);
    expect(byId.get('5.7')).toMatchObject({
      status: 'fail',
      failedResources: [
        { checkId: 'ec2-instance-imdsv2-required', resourceId: 'i-legacy', resourceName: 'i-legacy-name' },
      ],
    });
    expect(byId.get('5.7')?.checks[0]).toMatchObject({
      checkId: 'ec2-instance-imdsv2-required',
      title: { en: 'EC2 instances require IMDSv2' },
      status: 'fail',
      passed: 1,
      failed: 1,
    });
    expect(byId.get('2.1.1')?.status).toBe('fail');
    expect(byId.get('1.4')?.status).toBe('pass');
    // Maps to a check of a service this run did not evaluate (RDS): unknown, not pass.
    expect(byId.get('2.2.1')).toMatchObject({ status: 'unknown', checks: [{ status: 'not_run' }] });
    expect(byId.get('1.1')).toMatchObject({ status: 'manual', checks: [] });
    const { pass, fail, unknown, manual } = older.counts;
    expect(pass + fail + unknown + manual).toBe(63);
    expect(older.passShare).toBeCloseTo(pass / (pass + fail + unknown));
  });

  it('shows the trend of the account runs up to this one, oldest first, without other users runs', async () => {
    const newer = await view(alice, newerRun);
    expect(newer.trend.map((p) => p.runId)).toEqual([olderRun, newerRun]);
    const [first, second] = newer.trend;
    expect(second?.counts.fail).toBeLessThan(first?.counts.fail ?? 0);
    expect(new Map(newer.controls.map((c) => [c.id, c.status])).get('1.4')).toBe('unknown');
    expect((await view(alice, olderRun)).trend.map((p) => p.runId)).toEqual([olderRun]);
    expect(JSON.stringify(newer)).not.toContain(bobRun);
  });

  it('serves FSBP and ISMS-P (Korean first), defaulting to CIS', async () => {
    const ismsp = await view(alice, olderRun, 'ismsp');
    expect(ismsp.framework).toMatchObject({ id: 'ismsp', version: '2023', koreanFirst: true });
    expect(ismsp.controls).toHaveLength(101);
    expect(ismsp.controls.find((c) => c.id === '2.6.2')?.status).toBe('fail');
    const fsbp = await view(alice, olderRun, 'fsbp');
    expect(fsbp.controls.find((c) => c.id === 'EC2.8')?.status).toBe('fail');
    const res = await alice.get(`/api/advisor/runs/${olderRun}/compliance`);
    expect(ComplianceResponse.parse(res.json()).framework.id).toBe('cis');
  });

  it('answers 400 for an unknown framework and 404 for a run that is not the caller', async () => {
    const bad = await alice.get(`/api/advisor/runs/${olderRun}/compliance?framework=pci`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
    expect(bad.body).toContain('framework');
    const other = await alice.get(`/api/advisor/runs/${bobRun}/compliance?framework=cis`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('i-bob-secret');
    const reverse = await bob.get(`/api/advisor/runs/${olderRun}/compliance`);
    expect(reverse.statusCode).toBe(404);
    expect((await view(bob, bobRun)).trend.map((p) => p.runId)).toEqual([bobRun]);
  });

  it('judges a real run on the emulator: an unencrypted volume fails FSBP EC2.3', async () => {
    const plain = await createVolume(false);
    await connect(alice);
    const { runId } = await startRun(alice, { services: ['ec2'], regions: [REGION] });
    expect((await waitForRun(alice, runId)).run.status).toBe('completed');
    const fsbp = await view(alice, runId, 'fsbp');
    const ec23 = fsbp.controls.find((c) => c.id === 'EC2.3');
    expect(ec23?.status).toBe('fail');
    expect(ec23?.failedResources.map((r) => r.resourceId)).toContain(plain);
    // The IAM checks were not run: their controls cannot pass.
    expect(fsbp.controls.find((c) => c.id === 'IAM.4')?.status).toBe('unknown');
  });
});
