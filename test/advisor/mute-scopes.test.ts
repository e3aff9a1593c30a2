/**
 * Guarantee: a mute rule can cover every account, one account or one OU subtree of an organization
 * connection; a scope naming something the user does not have is a 400 with a field code (another
 * user's connection included); and a rule for account X mutes X's findings — in its run, the
 * organization report and the per-account roll-up — while account Y's findings of the same check
 * stay open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorRunDetailResponse, MuteResponse, MutesResponse } from '../../src/shared/api/advisor.js';
import { OrgJsonReport } from '../../src/shared/api/report.js';
import { AccountRollupResponse } from '../../src/shared/api/rollup.js';
import { type Scan, ScanResponse } from '../../src/shared/api/scans.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { resetMoto } from '../support/moto.js';
import {
  addOrganizationConnections,
  MANAGEMENT_ACCOUNT_ID,
  refreshOrganization,
  type SeededOrg,
  seedOrganization,
} from '../support/org.js';

describe('mute scopes through the API, over an organization on the emulator', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let seeded: SeededOrg;
  let orgId: string;
  let singleId: string;
  let scan: Scan;
  /** prod-web (OU /Production/Web/) and prod-data (OU /Production/). */
  let x: string;
  let y: string;
  /** A check failing in both X and Y. */
  let checkId: string;

  const mute = (body: Record<string, unknown>, agent: Agent = alice) =>
    agent.post('/api/advisor/mutes', { checkId, reason: 'accepted risk', ...body });
  const runOf = (accountId: string) => {
    const row = scan.accounts.find((a) => a.accountId === accountId);
    if (!row?.runId) throw new Error(`no run for ${accountId}`);
    return row.runId;
  };
  const mutedOf = async (accountId: string) => {
    const detail = AdvisorRunDetailResponse.parse(
      (await alice.get(`/api/advisor/runs/${runOf(accountId)}`)).json(),
    );
    return {
      muted: detail.muted.filter((f) => f.checkId === checkId),
      open: detail.findings.filter((f) => f.checkId === checkId && f.status === 'fail'),
    };
  };
  const clearMutes = async () => {
    const { rules } = MutesResponse.parse((await alice.get('/api/advisor/mutes')).json());
    for (const rule of rules) await alice.delete(`/api/advisor/mutes/${rule.id}`);
  };

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedOrganization();
    x = seeded.members['prod-web'] as string;
    y = seeded.members['prod-data'] as string;
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
    ({ orgId, singleId } = await addOrganizationConnections(alice));
  });
  afterAll(async () => t?.close());

  it('refuses scopes the user does not have, with a field code', async () => {
    checkId = 's3-account-public-access-block';
    const ou = { kind: 'ou', connectionId: orgId, ouId: seeded.ous.production };
    const expect400 = async (scope: unknown, field: string, agent: Agent = alice) => {
      const res = await mute({ scope }, agent);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_mute', fields: { scope: field } } });
    };
    // The organization has not been read yet.
    await expect400(ou, 'organization_not_discovered');
    await expect400({ kind: 'account', connectionId: orgId, accountId: x }, 'organization_not_discovered');
    expect((await refreshOrganization(alice, orgId)).refresh?.state).toBe('completed');
    await expect400({ kind: 'ou', connectionId: orgId, ouId: 'ou-zzzz-99999999' }, 'ou_not_found');
    await expect400(
      { kind: 'account', connectionId: orgId, accountId: '999999999999' },
      'account_not_in_organization',
    );
    await expect400(
      { kind: 'account', connectionId: 'no-such-connection', accountId: x },
      'connection_not_found',
    );
    await expect400(
      { kind: 'ou', connectionId: singleId, ouId: seeded.ous.production },
      'not_an_organization',
    );
    await expect400({ kind: 'account', connectionId: singleId, accountId: x }, 'account_not_in_connection');
    // Another user cannot name alice's connection: it is unknown to them, exactly like a made-up one.
    await expect400(ou, 'connection_not_found', bob);
    await expect400({ kind: 'account', connectionId: orgId, accountId: x }, 'connection_not_found', bob);
    // Malformed scopes fail the schema.
    for (const scope of [
      { kind: 'ou', connectionId: orgId },
      { kind: 'account', connectionId: orgId, accountId: 'x' },
      { kind: 'region' },
    ]) {
      const res = await mute({ scope });
      expect(res.statusCode, res.body).toBe(400);
    }
    expect(MutesResponse.parse((await alice.get('/api/advisor/mutes')).json()).rules).toEqual([]);
  });

  it('creates rules of each scope, lists them with names and records the scope in the audit', async () => {
    const scopes = [
      { kind: 'all' },
      { kind: 'account', connectionId: orgId, accountId: x },
      { kind: 'ou', connectionId: orgId, ouId: seeded.ous.web },
      { kind: 'account', connectionId: singleId, accountId: MANAGEMENT_ACCOUNT_ID },
    ];
    const ids: string[] = [];
    for (const scope of scopes) {
      const res = await mute({ scope });
      expect(res.statusCode, res.body).toBe(201);
      const { rule } = MuteResponse.parse(res.json());
      // Every account is the default: stored without a scope, as rules made before scopes.
      expect(rule.scope).toEqual(scope.kind === 'all' ? undefined : scope);
      ids.push(rule.id);
    }
    const list = MutesResponse.parse((await alice.get('/api/advisor/mutes')).json());
    const byId = new Map(list.rules.map((r) => [r.id, r]));
    expect(byId.get(ids[0] as string)?.scopeNames).toBeUndefined();
    expect(byId.get(ids[1] as string)?.scopeNames).toEqual({
      connectionName: 'management',
      accountName: 'prod-web',
    });
    expect(byId.get(ids[2] as string)?.scopeNames).toEqual({
      connectionName: 'management',
      ouName: 'Web',
      ouPath: '/Production/Web/',
    });
    expect(byId.get(ids[3] as string)?.scopeNames).toEqual({ connectionName: 'single' });
    expect(list.audit.find((e) => e.ruleId === ids[2])?.scope).toEqual(scopes[2]);
    // Bob sees none of it.
    expect(MutesResponse.parse((await bob.get('/api/advisor/mutes')).json()).rules).toEqual([]);
    expect((await bob.delete(`/api/advisor/mutes/${ids[1]}`)).statusCode).toBe(404);
    await alice.delete(`/api/advisor/mutes/${ids[1]}`);
    const after = MutesResponse.parse((await alice.get('/api/advisor/mutes')).json());
    expect(after.audit[0]).toMatchObject({ action: 'unmute', ruleId: ids[1], scope: scopes[1] });
    await clearMutes();
  });

  it('scans the Production OU; a rule for account X mutes X only, in its run, the org report and the roll-up', async () => {
    const started = await alice.post('/api/scans', {
      connectionId: orgId,
      target: { kind: 'ou', ouId: seeded.ous.production },
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(started.statusCode, started.body).toBe(202);
    const scanId = ScanResponse.parse(started.json()).scan.scanId;
    scan = await eventually(
      async () => {
        const current = ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json()).scan;
        if (current.status === 'running') throw new Error('still running');
        return current;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(scan.status).toBe('completed');
    // A check failing in both accounts (account-wide S3 checks fail in every fresh account).
    const before = OrgJsonReport.parse(
      JSON.parse((await alice.get(`/api/scans/${scanId}/report?format=json`)).body),
    );
    const failing = (accountId: string) =>
      new Set(
        before.findings.filter((f) => f.accountId === accountId && f.status === 'fail').map((f) => f.checkId),
      );
    checkId = [...failing(x)].find((id) => failing(y).has(id)) ?? '';
    expect(checkId).not.toBe('');
    const rollup = async () =>
      new Map(
        AccountRollupResponse.parse(
          (await alice.get('/api/dashboard/accounts?limit=200')).json(),
        ).accounts.map((a) => [
          a.accountId,
          Object.values(a.openBySeverity ?? {}).reduce((s, n) => s + n, 0),
        ]),
      );
    const openBefore = await rollup();
    const xBefore = await mutedOf(x);
    expect(xBefore.open.length).toBeGreaterThan(0);

    const res = await mute({ scope: { kind: 'account', connectionId: orgId, accountId: x } });
    expect(res.statusCode, res.body).toBe(201);
    const xAfter = await mutedOf(x);
    expect(xAfter.open).toEqual([]);
    expect(xAfter.muted.length).toBe(xBefore.open.length);
    const yAfter = await mutedOf(y);
    expect(yAfter.muted).toEqual([]);
    expect(yAfter.open.length).toBeGreaterThan(0);

    const report = OrgJsonReport.parse(
      JSON.parse((await alice.get(`/api/scans/${scanId}/report?format=json`)).body),
    );
    const ofCheck = report.findings.filter((f) => f.checkId === checkId && f.status === 'fail');
    expect(ofCheck.filter((f) => f.accountId === x).length).toBeGreaterThan(0);
    expect(ofCheck.filter((f) => f.accountId === y).length).toBeGreaterThan(0);
    expect(ofCheck.filter((f) => f.accountId === x).every((f) => f.muted?.reason === 'accepted risk')).toBe(
      true,
    );
    expect(ofCheck.filter((f) => f.accountId === y).every((f) => f.muted === undefined)).toBe(true);

    const openAfter = await rollup();
    expect(openAfter.get(x)).toBe((openBefore.get(x) ?? 0) - xBefore.open.length);
    expect(openAfter.get(y)).toBe(openBefore.get(y));
  });

  it('an OU rule covers its subtree: Web mutes X only, Production both; the account rule gives the reason', async () => {
    await clearMutes();
    await mute({ scope: { kind: 'ou', connectionId: orgId, ouId: seeded.ous.web }, reason: 'web' });
    expect((await mutedOf(x)).open).toEqual([]);
    expect((await mutedOf(y)).muted).toEqual([]);
    await mute({
      scope: { kind: 'ou', connectionId: orgId, ouId: seeded.ous.production },
      reason: 'production',
    });
    await mute({ scope: { kind: 'account', connectionId: orgId, accountId: x }, reason: 'x itself' });
    await mute({ reason: 'everyone' });
    const ofX = await mutedOf(x);
    expect(ofX.muted.length).toBeGreaterThan(0);
    expect(ofX.muted.every((f) => f.muted?.reason === 'x itself')).toBe(true);
    const ofY = await mutedOf(y);
    expect(ofY.open).toEqual([]);
    expect(ofY.muted.length).toBeGreaterThan(0);
    expect(ofY.muted.every((f) => f.muted?.reason === 'production')).toBe(true);
    await clearMutes();
  });
});
