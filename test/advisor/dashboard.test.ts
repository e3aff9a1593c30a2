/**
 * GET /api/dashboard: each service's figures from the latest completed run that evaluated it.
 * Pure merge first (five services, hand-made findings), then two real runs through the app.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestRunPerServiceRegion, mergeDashboard, topSavings } from '../../src/advisor/dashboard.js';
import type { Finding } from '../../src/core/findings.js';
import type { ServiceId } from '../../src/core/services.js';
import { DashboardResponse } from '../../src/shared/api/dashboard.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { connect, createVolume, REGION, startRun, waitForRun } from './seed.js';

const ALL: ServiceId[] = ['ec2', 's3', 'lambda', 'rds', 'iam'];

const run = (
  runId: string,
  services: ServiceId[],
  finishedAt: string,
  status = 'completed' as const,
  regions = ['us-east-1'],
  accountId = '111111111111',
) => ({
  runId,
  services,
  regions,
  status,
  requestedAt: finishedAt,
  finishedAt,
  connectionId: 'org',
  accountId,
});

const finding = (service: ServiceId, over: Partial<Finding> = {}): Finding => ({
  checkId: `${service}-check`,
  service,
  category: 'security',
  severity: 'high',
  status: 'fail',
  region: 'us-east-1',
  resourceId: `${service}-r`,
  message: { ko: '메시지', en: 'message' },
  ...over,
});

describe('dashboard merge (pure)', () => {
  it('picks, per service × region, the latest completed run that covered it', () => {
    const sources = latestRunPerServiceRegion([
      run('B', ['s3'], '2026-01-02T00:00:00.000Z'),
      run('C', ['ec2'], '2026-01-03T00:00:00.000Z', 'failed' as never),
      run('A', ALL, '2026-01-01T00:00:00.000Z'),
    ]);
    expect(sources.map((s) => [s.service, s.region, s.runId])).toEqual([
      ['ec2', 'global', 'A'],
      ['ec2', 'us-east-1', 'A'],
      ['s3', 'global', 'B'],
      ['s3', 'us-east-1', 'B'],
      ['lambda', 'global', 'A'],
      ['lambda', 'us-east-1', 'A'],
      ['rds', 'global', 'A'],
      ['rds', 'us-east-1', 'A'],
      ['iam', 'global', 'A'],
      ['iam', 'us-east-1', 'A'],
    ]);
    expect(sources.find((s) => s.service === 's3')?.at).toBe('2026-01-02T00:00:00.000Z');
    expect(latestRunPerServiceRegion([])).toEqual([]);
  });

  it('orders by finish time, not by list order', () => {
    const sources = latestRunPerServiceRegion([
      run('early', ['s3'], '2026-01-01T00:00:00.000Z'),
      run('late', ['s3'], '2026-01-05T00:00:00.000Z'),
    ]);
    const late = {
      runId: 'late',
      at: '2026-01-05T00:00:00.000Z',
      connectionId: 'org',
      accountId: '111111111111',
    };
    expect(sources).toEqual([
      { service: 's3', region: 'global', ...late },
      { service: 's3', region: 'us-east-1', ...late },
    ]);
  });

  it("one account's later run never hides another account's findings: merged per account, then summed", () => {
    const [first, second] = ['111111111111', '222222222222'];
    const sources = latestRunPerServiceRegion([
      run('one', ['s3'], '2026-01-01T00:00:00.000Z', 'completed', ['us-east-1'], first),
      run('two', ['s3'], '2026-01-02T00:00:00.000Z', 'completed', ['us-east-1'], second),
    ]);
    expect(sources.map((s) => [s.accountId, s.region, s.runId])).toEqual([
      [first, 'global', 'one'],
      [first, 'us-east-1', 'one'],
      [second, 'global', 'two'],
      [second, 'us-east-1', 'two'],
    ]);
    const merged = mergeDashboard(
      sources,
      new Map([
        ['one', [finding('s3', { resourceId: 'first-bucket' })]],
        ['two', [finding('s3', { resourceId: 'second-a' }), finding('s3', { resourceId: 'second-b' })]],
      ]),
    );
    expect(merged.results?.countsByStatus).toMatchObject({ fail: 3 });
  });

  it('a later run of fewer regions replaces only its regions: the dashboard never shrinks', () => {
    const wide = run('wide', ['ec2'], '2026-01-01T00:00:00.000Z', 'completed', ['us-east-1', 'eu-west-1']);
    const narrow = run('narrow', ['ec2'], '2026-01-02T00:00:00.000Z', 'completed', ['us-east-1']);
    const sources = latestRunPerServiceRegion([narrow, wide]);
    expect(sources.map((s) => [s.region, s.runId])).toEqual([
      ['global', 'narrow'],
      ['eu-west-1', 'wide'],
      ['us-east-1', 'narrow'],
    ]);
    const merged = mergeDashboard(
      sources,
      new Map([
        [
          'wide',
          [
            finding('ec2', { resourceId: 'old-east', region: 'us-east-1' }),
            finding('ec2', { resourceId: 'west', region: 'eu-west-1' }),
            finding('ec2', { resourceId: 'old-global', region: 'global' }),
          ],
        ],
        [
          'narrow',
          [
            finding('ec2', { resourceId: 'new-east', region: 'us-east-1', status: 'pass' }),
            finding('ec2', { resourceId: 'new-global', region: 'global', status: 'pass' }),
          ],
        ],
      ]),
    );
    // eu-west-1 from the wide run (1 fail); us-east-1 and global from the narrow one (2 passes).
    expect(merged.results?.countsByStatus).toMatchObject({ fail: 1, pass: 2 });
  });

  it("replaces a service's findings with its newer run's and keeps the others", () => {
    const sources = latestRunPerServiceRegion([
      run('A', ALL, '2026-01-01T00:00:00.000Z'),
      run('B', ['s3'], '2026-01-02T00:00:00.000Z'),
    ]);
    const findingsA = [
      ...ALL.map((s) => finding(s)),
      finding('s3', { resourceId: 'old-bucket', category: 'cost', estimatedMonthlySavingsUsd: 99 }),
      finding('ec2', {
        resourceId: 'vol',
        category: 'cost',
        severity: 'low',
        estimatedMonthlySavingsUsd: 7.5,
      }),
    ];
    const findingsB = [
      finding('s3', { status: 'pass', resourceId: 'fixed-bucket' }),
      finding('s3', { resourceId: 'new-bucket', severity: 'critical', estimatedMonthlySavingsUsd: 3 }),
    ];
    const merged = mergeDashboard(
      sources,
      new Map([
        ['A', findingsA],
        ['B', findingsB],
      ]),
    );
    // ec2 ×2, lambda, rds, iam from A (5 open) + one open s3 from B; A's s3 findings are gone.
    expect(merged.results?.countsByStatus).toMatchObject({ fail: 6, pass: 1 });
    expect(merged.results?.openBySeverity).toMatchObject({ critical: 1, high: 4, low: 1 });
    expect(merged.results?.openByCategory).toMatchObject({ security: 5, cost: 1 });
    expect(merged.results?.estimatedMonthlySavingsUsd).toBe(10.5);
    expect(merged.topSavings.map((f) => f.resourceId)).toEqual(['vol', 'new-bucket']);
    expect(Object.keys(merged.results?.scoreByService ?? {})).toEqual(ALL);
    expect(merged.results?.scoreByService.s3?.passed).toBe(1);
    expect(merged.results?.score.score).toBeGreaterThan(0);
  });

  it('no completed run: no results, no savings', () => {
    expect(mergeDashboard([], new Map())).toEqual({ sources: [], results: null, topSavings: [] });
  });

  it('top savings: open, unmuted, positive, biggest first, at most the limit', () => {
    const list = [
      finding('ec2', { resourceId: 'a', estimatedMonthlySavingsUsd: 5 }),
      finding('ec2', { resourceId: 'b', estimatedMonthlySavingsUsd: 50 }),
      finding('ec2', { resourceId: 'c', estimatedMonthlySavingsUsd: 500, status: 'pass' }),
      finding('ec2', {
        resourceId: 'd',
        estimatedMonthlySavingsUsd: 90,
        muted: { reason: 'r', by: 'u', at: '2026-01-01T00:00:00Z', ruleId: 'x' },
      }),
      finding('ec2', { resourceId: 'f', estimatedMonthlySavingsUsd: 20, status: 'warning' }),
    ];
    expect(topSavings(list).map((f) => f.resourceId)).toEqual(['b', 'f', 'a']);
    expect(topSavings(list, 1).map((f) => f.resourceId)).toEqual(['b']);
  });
});

describe('GET /api/dashboard through the app and the emulator', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let volume: string;

  beforeAll(async () => {
    await resetMoto();
    volume = await createVolume(false);
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
  });
  afterAll(async () => t?.close());

  const dashboard = async (agent: Agent) => {
    const res = await agent.get('/api/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    return DashboardResponse.parse(res.json());
  };

  it('is empty before any run', async () => {
    expect(await dashboard(alice)).toEqual({ sources: [], results: null, topSavings: [] });
  });

  it('run A (ec2 + s3) then run B (s3 only): s3 from B, ec2 still from A', async () => {
    const a = await waitForRun(
      alice,
      (await startRun(alice, { services: ['ec2', 's3'], regions: [REGION] })).runId,
    );
    expect(a.run.status).toBe('completed');
    // B sees a bucket A never saw: its s3 findings must replace A's.
    const s3 = new S3Client(motoClientConfig(REGION));
    await s3.send(new CreateBucketCommand({ Bucket: 'dash-after-a' }));
    s3.destroy();
    const b = await waitForRun(alice, (await startRun(alice, { services: ['s3'], regions: [REGION] })).runId);
    expect(b.run.status).toBe('completed');

    const view = await dashboard(alice);
    expect(view.sources.map((s) => [s.service, s.region, s.runId])).toEqual([
      ['ec2', 'global', a.run.runId],
      ['ec2', REGION, a.run.runId],
      ['s3', 'global', b.run.runId],
      ['s3', REGION, b.run.runId],
    ]);
    const open = (f: { status: string }) => f.status === 'fail' || f.status === 'warning';
    const expected = [
      ...a.findings.filter((f) => f.service === 'ec2'),
      ...b.findings.filter((f) => f.service === 's3'),
    ];
    expect(expected.some((f) => f.resourceId === 'dash-after-a')).toBe(true);
    expect(view.results?.countsByStatus.fail).toBe(expected.filter((f) => f.status === 'fail').length);
    expect(view.results?.openBySeverity.high).toBe(
      expected.filter((f) => open(f) && f.severity === 'high').length,
    );
    // The latest run alone (s3) would drop the unattached volume's cost finding.
    expect(view.topSavings.some((f) => f.resourceId === volume)).toBe(true);
    expect(view.results?.scoreByService.s3).toEqual(b.run.results?.scoreByService.s3);
    expect(view.results?.scoreByService.ec2).toEqual(a.run.results?.scoreByService.ec2);
  });

  it('shows another user nothing of alice', async () => {
    expect(await dashboard(bob)).toEqual({ sources: [], results: null, topSavings: [] });
  });
});
