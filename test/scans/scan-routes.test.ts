/**
 * Guarantee: a scan of an organization connection runs one advisor run per account (all, one OU
 * subtree, or chosen ones), records each account's outcome — figures that match what was seeded
 * in that member, the AWS error of a member whose role is refused, `skipped` for a suspended one —
 * derives the scan's status, cancels every unfinished run, answers bad input with 4xx, and shows
 * another console user nothing of it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateOrganizationalUnitCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReportInput } from '../../src/scans/report-input.js';
import { AdvisorRunResponse } from '../../src/shared/api/advisor.js';
import { JsonReport, OrgJsonReport } from '../../src/shared/api/report.js';
import { type Scan, ScanResponse, ScansResponse } from '../../src/shared/api/scans.js';
import { pdfText, tempDir } from '../reports/pdf-tools.js';
import type { Agent } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import {
  type ConnectedOrganization,
  connectOrganization,
  MANAGEMENT_ACCOUNT_ID,
  refreshOrganization,
  type SeededOrg,
} from '../support/org.js';

const SERVICES = ['s3'];
const REGIONS = ['us-east-1'];

describe('scans over many accounts through the API', () => {
  let connected: ConnectedOrganization;
  let alice: Agent;
  let bob: Agent;
  let seeded: SeededOrg;
  let orgId: string;
  let singleId: string;
  let emptyOuId: string;
  let allScanId: string;

  const startScan = (target: Record<string, unknown>, agent: Agent = alice, connectionId = orgId) =>
    agent.post('/api/scans', { connectionId, target, services: SERVICES, regions: REGIONS });
  const read = async (scanId: string): Promise<Scan> =>
    ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json()).scan;
  const finished = (scanId: string): Promise<Scan> =>
    eventually(
      async () => {
        const scan = await read(scanId);
        if (scan.status === 'running') throw new Error(`scan ${scanId} is still running`);
        return scan;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  const row = (scan: Scan, name: string) => {
    const found = scan.accounts.find((a) => a.name === name);
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };

  beforeAll(async () => {
    await resetMoto();
    connected = await connectOrganization({ 'prod-web': ['prod-web-assets', 'prod-web-logs'] });
    ({ alice, bob, seeded, orgId, singleId } = connected);
    const org = new OrganizationsClient({ ...motoClientConfig('us-east-1'), maxAttempts: 3 });
    emptyOuId =
      (await org.send(new CreateOrganizationalUnitCommand({ ParentId: seeded.rootId, Name: 'Empty' })))
        .OrganizationalUnit?.Id ?? '';
    org.destroy();
  });
  afterAll(async () => {
    await connected?.close();
  });

  it('refuses a scan before the organization was discovered', async () => {
    const res = await startScan({ kind: 'all' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'organization_not_discovered' } });
    expect((await refreshOrganization(alice, orgId)).refresh?.state).toBe('completed');
  });

  it('scans every account: figures per member, the refused role failed, the suspended one skipped', async () => {
    const res = await startScan({ kind: 'all' });
    expect(res.statusCode, res.body).toBe(202);
    const started = ScanResponse.parse(res.json()).scan;
    expect(started.accounts).toHaveLength(6);
    expect(row(started, 'closed-legacy')).toMatchObject({ status: 'skipped', error: { code: 'suspended' } });
    const scan = await finished(started.scanId);
    expect(scan.status).toBe('completed_with_errors');
    expect(scan.totals.byStatus).toMatchObject({ completed: 4, failed: 1, skipped: 1 });
    expect(row(scan, 'sandbox-alice')).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    expect(row(scan, 'sandbox-alice').error?.message).toContain('sts:AssumeRole');
    const web = row(scan, 'prod-web');
    const data = row(scan, 'prod-data');
    const open = (r: typeof web) => Object.values(r.results?.openBySeverity ?? {}).reduce((a, b) => a + b, 0);
    expect(web.status).toBe('completed');
    // Per-bucket findings only where buckets were seeded; account-wide S3 checks fail in both.
    expect(open(web)).toBeGreaterThanOrEqual(open(data) + 2);
    expect(data).toMatchObject({ status: 'completed', ouPath: '/Production/' });
    const sum = (pick: (r: typeof web) => number) => scan.accounts.reduce((acc, r) => acc + pick(r), 0);
    expect(Object.values(scan.totals.openBySeverity).reduce((a, b) => a + b, 0)).toBe(sum(open));
    const dataRun = await alice.get(`/api/advisor/runs/${data.runId}`);
    expect(dataRun.body).not.toContain('prod-web-assets');
    // The member's run is a run of that account, carrying the scan id, and its findings name its buckets.
    const detail = await alice.get(`/api/advisor/runs/${web.runId}`);
    const run = AdvisorRunResponse.parse(detail.json()).run;
    expect(run).toMatchObject({ scanId: scan.scanId, accountId: seeded.members['prod-web'] });
    expect(detail.body).toContain('prod-web-assets');
    // The connection's own account ran without a member-role hop.
    expect(scan.accounts.find((a) => a.accountId === MANAGEMENT_ACCOUNT_ID)?.status).toBe('completed');
    allScanId = scan.scanId;
  });

  it('downloads the organization-wide report of a finished scan (JSON contract, CSV, PDF in ko and en)', async () => {
    const url = (format: string, lang = 'en') =>
      `/api/scans/${allScanId}/report?format=${format}&lang=${lang}`;
    const json = await alice.get(url('json'));
    expect(json.statusCode, json.body.slice(0, 300)).toBe(200);
    expect(json.headers['content-disposition']).toContain('.json');
    const report = OrgJsonReport.parse(JSON.parse(json.body));
    expect(report.account.id).toBe(MANAGEMENT_ACCOUNT_ID);
    const byId = new Map(report.accounts.map((a) => [a.id, a]));
    expect(byId.get(seeded.members['sandbox-alice'] as string)).toMatchObject({ status: 'failed' });
    expect(byId.get(seeded.members['sandbox-alice'] as string)?.error).toContain('AccessDenied');
    // A suspended member reads as `scan --org` writes it: its status, not a member-role failure.
    expect(byId.get(seeded.members['closed-legacy'] as string)).toMatchObject({
      status: 'failed',
      error: 'suspended',
    });
    expect(byId.get(seeded.members['prod-web'] as string)?.status).toBe('scanned');
    // Every finding names its account, and the seeded buckets are findings of prod-web only.
    expect(report.findings.every((f) => typeof f.accountId === 'string')).toBe(true);
    const bucketFindings = report.findings.filter((f) => f.resourceId === 'prod-web-assets');
    expect(bucketFindings.length).toBeGreaterThan(0);
    expect(new Set(bucketFindings.map((f) => f.accountId))).toEqual(new Set([seeded.members['prod-web']]));
    const counts = report.collection.resourceCountsByAccount ?? {};
    expect(counts[seeded.members['prod-web'] as string]?.['s3.buckets']).toBe(2);

    const csv = await alice.get(url('csv'));
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header?.startsWith('accountId,accountName,')).toBe(true);
    expect(rows.length).toBe(report.findings.length);

    const dir = await tempDir();
    for (const [lang, title, suspended, refused] of [
      ['en', 'Organization summary', 'The account is suspended (closed).', 'audit role could not be assumed'],
      ['ko', '조직 요약', '일시 중지(해지)된 계정입니다.', '감사 역할을 수임하지 못했습니다'],
    ] as const) {
      const pdf = await alice.get(url('pdf', lang));
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      const file = join(dir, `org-${lang}.pdf`);
      await writeFile(file, pdf.rawPayload);
      const text = await pdfText(file);
      expect(text).toContain(title);
      for (const name of ['prod-web', 'prod-data', 'sandbox-alice']) expect(text).toContain(name);
      // Accounts not scanned: the refused role once (sandbox-alice), the suspended one in its own words.
      expect(text).toContain(suspended);
      expect(text.split(refused)).toHaveLength(2);
      expect(text).not.toContain('SUSPENDED in the organization');
    }
    expect((await alice.get(url('xml'))).statusCode).toBe(400);
    expect((await bob.get(url('pdf'))).statusCode).toBe(404);
  });

  it('rolls compliance up over the accounts (JSON, CSV, PDF with contents in ko and en)', async () => {
    const url = (format: string, lang = 'en', framework = 'cis') =>
      `/api/scans/${allScanId}/report?format=${format}&lang=${lang}&compliance=${framework}`;
    const json = await alice.get(url('json'));
    expect(json.statusCode, json.body.slice(0, 300)).toBe(200);
    const report = OrgJsonReport.parse(JSON.parse(json.body));
    const [cis] = report.compliance ?? [];
    expect(report.compliance?.map((c) => c.framework.id)).toEqual(['cis']);
    const scanned = report.accounts.filter((a) => a.status === 'scanned').map((a) => a.id);
    expect(cis?.accountsEvaluated).toBe(scanned.length);
    // prod-web's unencrypted, unlogged buckets fail controls that only prod-web fails.
    const webId = seeded.members['prod-web'] as string;
    const failing = cis?.controls.filter((c) => c.status === 'fail') ?? [];
    expect(failing.some((c) => c.failedAccounts.some((a) => a.accountId === webId))).toBe(true);
    for (const control of failing)
      for (const account of control.failedAccounts) expect(scanned).toContain(account.accountId);
    // Without compliance= the JSON stays the SPEC contract.
    expect(
      'compliance' in JSON.parse((await alice.get(`/api/scans/${allScanId}/report?format=json`)).body),
    ).toBe(false);

    const csv = await alice.get(url('csv', 'ko', 'fsbp'));
    expect(csv.statusCode).toBe(200);
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .split('\n')[0]
        ?.trim(),
    ).toBe(
      'framework,controlId,title,status,checkIds,accountsPassing,accountsFailing,accountsUnknown,failedAccounts',
    );

    const dir = await tempDir();
    for (const [lang, contents, title] of [
      ['en', 'Contents', 'Compliance across accounts'],
      ['ko', '목차', '계정 전체의 규정 준수'],
    ] as const) {
      const pdf = await alice.get(url('pdf', lang, 'fsbp'));
      expect(pdf.statusCode).toBe(200);
      const file = join(dir, `org-compliance-${lang}.pdf`);
      await writeFile(file, pdf.rawPayload);
      const toc = await pdfText(file, 2);
      expect(toc).toContain(contents);
      expect(toc).toContain(title);
      expect(toc).toContain(`prod-web (${webId})`);
      const text = await pdfText(file);
      expect(text).toContain(title);
      expect(text).toContain('EC2.8');
    }
    expect((await alice.get(url('json', 'en', 'sox'))).statusCode).toBe(400);
  });

  it("builds the organization report with one listing of the user's runs, not one per account", async () => {
    const { advisor, collections } = connected.t.deps;
    let listings = 0;
    const counting: typeof advisor = {
      ...advisor,
      storedRuns: (username: string) => {
        listings++;
        return advisor.storedRuns(username);
      },
    };
    const scan = await read(allScanId);
    const input = await scanReportInput(
      { advisor: counting, getCollection: (u, id) => collections.get(u, id) },
      scan,
      { username: 'alice', lang: 'en', now: new Date() },
    );
    expect(input.accounts.filter((a) => a.status === 'scanned')).toHaveLength(4);
    expect(listings).toBe(1);
  });

  it("downloads one account's report of a scan: 404 outside the scan, 409 without a completed run", async () => {
    const webId = seeded.members['prod-web'] as string;
    const url = (account: string, format = 'json', lang = 'en') =>
      `/api/scans/${allScanId}/report?account=${account}&format=${format}&lang=${lang}`;
    const json = await alice.get(url(webId));
    expect(json.statusCode, json.body.slice(0, 300)).toBe(200);
    const report = JsonReport.parse(JSON.parse(json.body));
    expect(report.account.id).toBe(webId);
    expect('accounts' in report).toBe(false);
    expect(report.findings.some((f) => f.resourceId === 'prod-web-assets')).toBe(true);
    const dataId = seeded.members['prod-data'] as string;
    const data = JsonReport.parse(JSON.parse((await alice.get(url(dataId))).body));
    expect(data.findings.some((f) => f.resourceId.startsWith('prod-web'))).toBe(false);
    // The first scan of each account: nothing to compare with — another member's run of the same
    // organization connection is not this account's previous run.
    for (const id of [webId, dataId, seeded.members['shared-services'] as string, MANAGEMENT_ACCOUNT_ID]) {
      const own = JsonReport.parse(JSON.parse((await alice.get(url(id))).body));
      expect(own.changeSincePreviousRun, id).toBeUndefined();
    }

    const dir = await tempDir();
    const pdf = await alice.get(url(webId, 'pdf', 'ko'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain(webId);
    const file = join(dir, 'account-ko.pdf');
    await writeFile(file, pdf.rawPayload);
    expect(await pdfText(file)).toContain('prod-web-assets');
    expect((await alice.get(url(webId, 'csv'))).statusCode).toBe(200);

    const refused = await alice.get(url(seeded.members['sandbox-alice'] as string));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'scan_account_not_completed' } });
    expect((await alice.get(url('999999999999'))).statusCode).toBe(404);
    expect((await alice.get(url('12345'))).statusCode).toBe(400);
    // Another console user gets nothing, not even whether the account was in the scan.
    const stranger = await bob.get(url(webId));
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain(webId);
  });

  it('scans one OU subtree and chosen accounts', async () => {
    const ou = await startScan({ kind: 'ou', ouId: seeded.ous.production });
    expect(ou.statusCode, ou.body).toBe(202);
    const ouScan = await finished(ScanResponse.parse(ou.json()).scan.scanId);
    expect(ouScan).toMatchObject({ status: 'completed', targetPath: '/Production/' });
    expect(ouScan.accounts.map((a) => a.name).sort()).toEqual(['prod-data', 'prod-web']);
    const chosen = await startScan({
      kind: 'accounts',
      accountIds: [seeded.members['prod-data'], seeded.members['closed-legacy'], seeded.members['prod-data']],
    });
    expect(chosen.statusCode, chosen.body).toBe(202);
    const chosenScan = await finished(ScanResponse.parse(chosen.json()).scan.scanId);
    expect(chosenScan.status).toBe('completed_with_errors');
    expect(chosenScan.accounts.map((a) => [a.name, a.status])).toEqual([
      ['prod-data', 'completed'],
      ['closed-legacy', 'skipped'],
    ]);
    const refused = await startScan({ kind: 'accounts', accountIds: [seeded.members['sandbox-alice']] });
    expect((await finished(ScanResponse.parse(refused.json()).scan.scanId)).status).toBe('failed');
  });

  it('cancels every unfinished run of a scan', async () => {
    const res = await startScan({ kind: 'all' });
    const { scanId } = ScanResponse.parse(res.json()).scan;
    // Once the first runs are queued: the cancel reaches queued runs and accounts not started yet.
    await eventually(async () => (await read(scanId)).accounts.some((a) => a.runId), { timeoutMs: 30_000 });
    const cancel = await alice.post(`/api/scans/${scanId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const scan = await finished(scanId);
    expect(scan.status).toBe('cancelled');
    expect(scan.cancelledAt).toBeDefined();
    expect(scan.accounts.some((a) => a.status === 'cancelled')).toBe(true);
    // A run whose start was under way when the cancel came is cancelled right after it is queued.
    for (const a of scan.accounts.filter((r) => r.runId && r.status === 'cancelled'))
      await eventually(
        async () => {
          const { run } = AdvisorRunResponse.parse(
            (await alice.get(`/api/advisor/runs/${a.runId}/summary`)).json(),
          );
          expect(run.status).toBe('cancelled');
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
    const again = await alice.post(`/api/scans/${scanId}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'scan_not_running' } });
  });

  it('lists scans newest first, a page at a time', async () => {
    const all = ScansResponse.parse((await alice.get('/api/scans?limit=100')).json());
    expect(all.total).toBe(5);
    const times = all.scans.map((s) => s.requestedAt);
    expect(times).toEqual([...times].sort().reverse());
    const page = ScansResponse.parse((await alice.get('/api/scans?offset=1&limit=2')).json());
    expect(page.scans.map((s) => s.scanId)).toEqual(all.scans.slice(1, 3).map((s) => s.scanId));
    expect(page.total).toBe(5);
  });

  it('answers bad input with a 4xx naming the problem, never a 500', async () => {
    const unknownOu = await startScan({ kind: 'ou', ouId: 'ou-zzzz-zzzzzzzz' });
    expect(unknownOu.statusCode).toBe(404);
    expect(unknownOu.json()).toMatchObject({ error: { code: 'ou_not_found' } });
    expect(unknownOu.body).toContain('ou-zzzz-zzzzzzzz');
    const unknownAccount = await startScan({ kind: 'accounts', accountIds: ['999999999999'] });
    expect(unknownAccount.statusCode).toBe(404);
    expect(unknownAccount.body).toContain('999999999999');
    const empty = await startScan({ kind: 'ou', ouId: emptyOuId });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'scan_target_empty' } });
    expect((await startScan({ kind: 'accounts', accountIds: [] })).statusCode).toBe(400);
    expect((await startScan({ kind: 'everything' })).statusCode).toBe(400);
    expect((await startScan({ kind: 'ou', ouId: 'not an ou' })).statusCode).toBe(400);
    const single = await startScan({ kind: 'all' }, alice, singleId);
    expect(single.statusCode).toBe(400);
    expect(single.json()).toMatchObject({ error: { code: 'not_an_organization' } });
    expect(
      (await alice.post('/api/scans', { connectionId: orgId, target: { kind: 'all' }, services: [] }))
        .statusCode,
    ).toBe(400);
    expect((await alice.get('/api/scans/20990101T000000000Z-00000000')).statusCode).toBe(404);
    expect((await alice.get('/api/scans/..%2Fprofile')).statusCode).toBe(404);
    expect((await alice.post('/api/scans/..%2Fprofile/cancel')).statusCode).toBe(404);
    expect((await alice.get('/api/scans?limit=0')).statusCode).toBe(400);
    expect((await startScan({ kind: 'all' }, alice, 'no-such-connection')).statusCode).toBe(404);
  });

  it('shows another console user none of it', async () => {
    const { scans } = ScansResponse.parse((await alice.get('/api/scans')).json());
    const scanId = scans[0]?.scanId as string;
    expect(ScansResponse.parse((await bob.get('/api/scans')).json())).toEqual({ total: 0, scans: [] });
    for (const res of [
      await bob.get(`/api/scans/${scanId}`),
      await bob.post(`/api/scans/${scanId}/cancel`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(seeded.organizationId);
    }
    expect((await startScan({ kind: 'all' }, bob)).statusCode).toBe(404);
  });
});
