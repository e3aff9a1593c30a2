/**
 * The Spend service and routes against the emulator's Cost Explorer (results queued through moto's
 * API): grouping by service and by tag, pagination, month-over-month change, the advisor's savings
 * beside each service, the daily cache (a second request makes no AWS call), the hourly refresh
 * limit, the daily budget, CSV, and input errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpendResponse } from '../../src/shared/api/spend.js';
import { MAX_FETCHES_PER_DAY } from '../../src/spend/service.js';
import { keys } from '../../src/storage/keys.js';
import { connect, createVolume, REGION, startRun, waitForRun } from '../advisor/seed.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { countCostExplorerCalls, queueCostResults } from '../support/cost-explorer.js';
import { resetMoto } from '../support/moto.js';

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';
const LAMBDA = 'AWS Lambda';
const START = new Date('2026-12-05T10:00:00.000Z');
const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

describe('Spend through the app and the emulator Cost Explorer', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let connectionId: string;
  let clock = START;
  const calls = countCostExplorerCalls();
  let volumeSavings = 0;

  const spend = async (agent: Agent, query = '', id = connectionId) => {
    const res = await agent.get(`/api/spend/${id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return SpendResponse.parse(res.json());
  };

  beforeAll(async () => {
    await resetMoto();
    const volume = await createVolume(false);
    t = await createTestApp({
      // The clock jumps a day forward below: sessions must outlive it.
      env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '48' },
      overrides: { now: () => clock, costExplorerPlugins: [calls.plugin] },
    });
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    await connect(alice);
    connectionId = (await alice.get('/api/connections')).json().connections[0].id;
    // A real advisor run finds the unattached volume: its saving must show beside "EC2 - Other".
    const run = await waitForRun(
      alice,
      (await startRun(alice, { services: ['ec2'], regions: [REGION] })).runId,
    );
    expect(run.run.status).toBe('completed');
    const finding = run.findings.find(
      (f) => f.resourceId === volume && (f.estimatedMonthlySavingsUsd ?? 0) > 0,
    );
    volumeSavings = finding?.estimatedMonthlySavingsUsd ?? 0;
    expect(volumeSavings).toBeGreaterThan(0);
  });
  afterAll(async () => t?.close());

  it('groups by service over six complete months and the month to date, across pages', async () => {
    await queueCostResults([
      {
        months: {
          '2026-06': [{ keys: [EC2], usd: 100 }],
          '2026-07': [{ keys: [EC2], usd: 110 }],
          '2026-08': [{ keys: [EC2], usd: 120 }],
          '2026-09': [{ keys: [EC2], usd: 130 }],
          '2026-10': [
            { keys: [EC2], usd: 200 },
            { keys: [S3], usd: 10 },
          ],
        },
        nextPageToken: 'page-2',
      },
      {
        months: {
          '2026-11': [
            { keys: [EC2], usd: 250.456 },
            { keys: [S3], usd: 5 },
            { keys: [LAMBDA], usd: 0.5 },
          ],
          '2026-12': [{ keys: [EC2], usd: 40 }],
        },
        estimated: ['2026-12'],
      },
    ]);
    const view = await spend(alice);
    expect(calls.count()).toBe(2);
    expect(view.costExplorerRequests).toBe(2);
    expect(view.cached).toBe(false);
    expect(view.fetchedAt).toBe(START.toISOString());
    expect(view.months.map((m) => m.month)).toEqual(MONTHS);
    expect(view.months.map((m) => m.complete)).toEqual([true, true, true, true, true, true, false]);
    expect(view.months.at(-1)?.estimated).toBe(true);
    expect(view.rows.map((r) => r.key)).toEqual([EC2, S3, LAMBDA, 'EC2 - Other']);
    const [ec2, s3, lambda, other] = view.rows;
    expect(ec2?.amounts).toEqual([100, 110, 120, 130, 200, 250.46, 40]);
    expect(ec2?.change).toEqual({ usd: 50.46, percent: 25.2 });
    expect(s3?.change).toEqual({ usd: -5, percent: -50 });
    expect(lambda?.change).toEqual({ usd: 0.5, percent: null });
    // The advisor's saving sits beside the service that bills it, even without cost in the period.
    expect(other?.savingsUsd).toBeCloseTo(volumeSavings, 2);
    expect(ec2?.savingsUsd).toBe(0);
    expect(view.savingsSources.map((s) => s.service)).toEqual(['ec2']);
    expect(view.totals.amounts).toEqual([100, 110, 120, 130, 210, 255.96, 40]);
    expect(view.refreshAvailableAt).toBe(new Date(START.getTime() + 3600_000).toISOString());
  });

  it('serves the second request of the day from the cache: no Cost Explorer call', async () => {
    const view = await spend(alice);
    expect(calls.count()).toBe(2);
    expect(view.cached).toBe(true);
    expect(view.fetchedAt).toBe(START.toISOString());
    expect(view.rows[0]?.amounts.at(-2)).toBe(250.46);
  });

  it('refuses a refresh within the hour (429, retry-after), then allows it', async () => {
    clock = new Date(START.getTime() + 30 * 60_000);
    const early = await alice.post(`/api/spend/${connectionId}/refresh`, { groupBy: 'service' });
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('spend_refresh_too_soon');
    expect(early.headers['retry-after']).toBe('1800');
    expect(calls.count()).toBe(2);

    clock = new Date(START.getTime() + 61 * 60_000);
    const res = await alice.post(`/api/spend/${connectionId}/refresh`, { groupBy: 'service' });
    expect(res.statusCode, res.body).toBe(200);
    const view = SpendResponse.parse(res.json());
    // Same question as before: the emulator answers the same two pages again.
    expect(calls.count()).toBe(4);
    expect(view.cached).toBe(false);
    expect(view.fetchedAt).toBe(clock.toISOString());
    expect(view.rows[0]?.amounts).toEqual([100, 110, 120, 130, 200, 250.46, 40]);
  });

  it('groups by a cost-allocation tag (untagged as an empty value, no savings column)', async () => {
    await queueCostResults([
      {
        months: {
          '2026-10': [{ keys: ['team$platform'], usd: 80 }],
          '2026-11': [
            { keys: ['team$platform'], usd: 100 },
            { keys: ['team$'], usd: 30 },
            { keys: ['team$=HYPERLINK("x")'], usd: 1 },
          ],
        },
      },
    ]);
    const view = await spend(alice, '?groupBy=tag&tagKey=team');
    expect(calls.count()).toBe(5);
    expect(view.grouping).toEqual({ kind: 'tag', key: 'team' });
    expect(view.rows.map((r) => [r.key, r.amounts.at(-2), r.savingsUsd])).toEqual([
      ['platform', 100, null],
      ['', 30, null],
      ['=HYPERLINK("x")', 1, null],
    ]);
    expect(view.rows[0]?.change).toEqual({ usd: 20, percent: 25 });
    expect(view.savingsSources).toEqual([]);
  });

  it('downloads the table as CSV (BOM, Korean headers, injection-safe) from the cache', async () => {
    const res = await alice.get(`/api/spend/${connectionId}/export?groupBy=tag&tagKey=team&lang=ko`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="again-spend-\d{12}-tag-2026-12-05\.csv"$/,
    );
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '태그 team,2026-06,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12 (이번 달 현재까지),전월 대비 증감 (USD),전월 대비 증감률 (%)',
    );
    expect(lines[1]).toBe('platform,0,0,0,0,80,100,0,20,25');
    expect(lines[2]).toBe('(태그 없음),0,0,0,0,0,30,0,30,');
    expect(lines[3]).toBe(`"'=HYPERLINK(""x"")",0,0,0,0,0,1,0,1,`);
    expect(lines[4]).toBe('합계,0,0,0,0,80,131,0,51,63.8');
    const en = await alice.get(`/api/spend/${connectionId}/export?lang=en`);
    expect(en.body.slice(1).split('\r\n')[0]).toContain('Advisor savings / month (USD)');
    expect(calls.count()).toBe(5);
  });

  it('answers bad input with 400, and another user or a made-up connection with 404', async () => {
    for (const query of [
      '?groupBy=tag',
      '?groupBy=tag&tagKey=%3Cscript%3E',
      '?groupBy=region',
      `?groupBy=tag&tagKey=${'k'.repeat(129)}`,
    ]) {
      const res = await alice.get(`/api/spend/${connectionId}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    for (const [agent, id] of [
      [bob, connectionId],
      [alice, 'no-such-connection'],
    ] as const) {
      for (const res of [
        await agent.get(`/api/spend/${id}`),
        await agent.post(`/api/spend/${id}/refresh`, {}),
        await agent.get(`/api/spend/${id}/export`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('connection_not_found');
        expect(res.body).not.toContain('250.46');
      }
    }
    expect(calls.count()).toBe(5);
  });

  it('a new UTC day asks Cost Explorer again and forgets the earlier day', async () => {
    clock = new Date('2026-12-06T09:00:00.000Z');
    await queueCostResults([{ months: { '2026-11': [{ keys: [EC2], usd: 251 }] } }]);
    const view = await spend(alice);
    expect(calls.count()).toBe(6);
    expect(view.cached).toBe(false);
    expect(view.rows[0]?.amounts.at(-2)).toBe(251);
    expect(await t.storage.list(keys.spendPrefix('alice', connectionId))).toEqual([
      keys.spendDay('alice', connectionId, '2026-12-06'),
    ]);
  });

  it(`stops at ${MAX_FETCHES_PER_DAY} Cost Explorer answers per connection and day`, async () => {
    // One answer so far today; each new tag key is one more (the emulator answers empty ones).
    for (let i = 1; i < MAX_FETCHES_PER_DAY; i++) await spend(alice, `?groupBy=tag&tagKey=key${i}`);
    const res = await alice.get(`/api/spend/${connectionId}?groupBy=tag&tagKey=one-too-many`);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('spend_daily_limit');
    expect(Number(res.headers['retry-after'])).toBe(15 * 3600);
    expect(calls.count()).toBe(6 + MAX_FETCHES_PER_DAY - 1);
    // Cached answers are still served.
    expect((await spend(alice)).cached).toBe(true);
  });
});
