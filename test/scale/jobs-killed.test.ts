/**
 * Guarantee: the `org-refresh` and `scan-start` jobs survive the worker process that runs them
 * (SIGKILL): another worker takes the job over once its lease expires (BullMQ's stalled-job check),
 * the refresh ends `completed` with the whole directory written once, and the scan ends with every
 * account's advisor run started exactly once. The gate in front of the emulator holds each job
 * mid-way: Organizations calls after the root's (mid-discovery), and two members' AssumeRole (so the
 * fan-out has started some runs and claimed the rest). Both tests share one organization: the
 * second scans the directory the first one's refresh wrote.
 */
import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgAccountsResponse, OrgResponse } from '../../src/shared/api/orgs.js';
import { type ScanAccount, ScanResponse } from '../../src/shared/api/scans.js';
import { keys } from '../../src/storage/keys.js';
import type { Agent } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import {
  addOrganizationConnection,
  MANAGEMENT_ACCOUNT_ID,
  type SeededOrg,
  scanRunsPerAccount,
  seedOrganization,
} from '../support/org.js';
import { redisUrl, resetRedis } from '../support/redis.js';
import { type Cluster, heldAtGate, LOCK_MS, parsedDocuments, STALLED_MS, startCluster } from './processes.js';

/** Lease + two stalled checks + the rest of the job on a loaded machine. */
const TAKEOVER_MS = LOCK_MS + 2 * STALLED_MS + 60_000;

async function orgOf(agent: Agent, orgId: string) {
  const res = await agent.get(`/api/orgs/${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return OrgResponse.parse(res.json());
}

async function scanOf(agent: Agent, scanId: string) {
  const res = await agent.get(`/api/scans/${scanId}`);
  expect(res.statusCode, res.body).toBe(200);
  return ScanResponse.parse(res.json()).scan;
}

describe('a worker process killed mid-job (Redis mode)', () => {
  let cluster: Cluster;
  let seeded: SeededOrg;
  let orgId: string;
  /** The one live worker: each test kills it mid-job and leaves its successor. */
  let worker: ChildProcess;

  /** Starts the next worker, SIGKILLs the one holding the job, lets the gate go; returns the next. */
  async function takeOver(): Promise<{ killedAt: number }> {
    const next = cluster.startWorker();
    await cluster.ready(next);
    await cluster.kill(worker, 'SIGKILL');
    const killedAt = Date.now();
    worker = next;
    cluster.gate.open();
    return { killedAt };
  }

  beforeAll(async () => {
    await resetRedis();
    cluster = await startCluster(redisUrl());
    worker = cluster.startWorker();
    seeded = await seedOrganization();
    orgId = await addOrganizationConnection(
      cluster.alice,
      { memberRoleName: 'AgainConsoleAudit' },
      'management',
    );
    await cluster.ready(worker);
  }, 150_000);
  afterAll(async () => cluster?.close());

  it('org-refresh: taken over mid-discovery, it completes and writes the whole directory once', async () => {
    const { gate, alice } = cluster;
    // DescribeOrganization, ListRoots and the root's two listings pass; the OUs below wait.
    gate.hold('organizations', { after: 4 });
    const res = await alice.post(`/api/orgs/${orgId}/refresh`);
    expect(res.statusCode, res.body).toBe(202);
    await heldAtGate(gate);
    // Mid-discovery: the root's accounts are counted, nothing of the directory is written.
    const mid = await eventually(
      async () => {
        const org = await orgOf(alice, orgId);
        if (!org.refresh?.progress.accountsDiscovered) throw new Error('no progress recorded yet');
        return org;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(mid.refresh?.state).toBe('running');
    expect(mid.organization).toBeNull();

    const { killedAt } = await takeOver();
    const done = await eventually(
      async () => {
        const org = await orgOf(alice, orgId);
        if (org.refresh?.state === 'running') throw new Error('the refresh is still running');
        return org;
      },
      { timeoutMs: TAKEOVER_MS, intervalMs: 100 },
    );
    console.info(`org-refresh: ${Date.now() - killedAt} ms from SIGKILL to completed`);
    expect(done.refresh?.state, JSON.stringify(done.refresh)).toBe('completed');
    // The same refresh, finished by the other worker (not a new one).
    expect(done.refresh?.startedAt).toBe(mid.refresh?.startedAt);
    const members = Object.values(seeded.members);
    expect(done.refresh?.progress).toEqual({
      accountsDiscovered: members.length + 1,
      rolesChecked: members.length,
      rolesToCheck: members.length,
    });

    // The directory is whole: every account, each member's role checked (the closed one skipped).
    const page = await alice.get(`/api/orgs/${orgId}/accounts?limit=200`);
    expect(page.statusCode, page.body).toBe(200);
    const { total, accounts } = OrgAccountsResponse.parse(page.json());
    expect(total).toBe(members.length + 1);
    expect(accounts.map((a) => a.id).sort()).toEqual([MANAGEMENT_ACCOUNT_ID, ...members].sort());
    const closed = seeded.members['closed-legacy'];
    for (const account of accounts)
      expect(account.role?.state, account.id).toBe(account.id === closed ? 'skipped' : 'ok');
    // Nothing beside the two documents (no temporary file of a cut write), and both parse.
    const documents = [keys.orgDirectory('alice', orgId), keys.orgRefresh('alice', orgId)];
    const folder = join(cluster.dataDir, 'users', 'alice', 'orgs', orgId);
    expect((await readdir(folder)).sort()).toEqual(['directory.json', 'refresh.json']);
    await parsedDocuments(cluster.dataDir, documents);
  }, 200_000);

  it('scan-start: taken over mid-fan-out, every account is started exactly once', async () => {
    const { gate, alice } = cluster;
    const held = [seeded.members['prod-data'], seeded.members['shared-services']] as string[];
    for (const id of held) gate.holdAssumeRole(`::${id}:role/`);
    const res = await alice.post('/api/scans', {
      connectionId: orgId,
      target: { kind: 'all' },
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const { scanId, accounts } = ScanResponse.parse(res.json()).scan;
    const started = accounts.filter((a) => a.status === 'pending').map((a) => a.accountId);
    expect(started).toHaveLength(Object.keys(seeded.members).length); // all but the closed one
    // Mid-fan-out: the other accounts' runs are started and recorded, the held two wait in theirs.
    const before = await eventually(
      async () => {
        const scan = await scanOf(alice, scanId);
        const recorded = scan.accounts.filter((a) => a.runId).map((a) => a.accountId);
        if (recorded.length < started.length - held.length || gate.waiting() < held.length)
          throw new Error(`${recorded.length} runs recorded, ${gate.waiting()} held`);
        return scan;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const heldRows = before.accounts.filter((a) => held.includes(a.accountId));
    expect(heldRows.map((a) => [a.status, a.runId])).toEqual(held.map(() => ['pending', undefined]));
    const runIdsBefore = new Map(before.accounts.flatMap((a) => (a.runId ? [[a.accountId, a.runId]] : [])));

    const { killedAt } = await takeOver();
    const done = await eventually(
      async () => {
        const scan = await scanOf(alice, scanId);
        if (scan.status === 'running') throw new Error('the scan is still running');
        return scan;
      },
      { timeoutMs: TAKEOVER_MS + 60_000, intervalMs: 250 },
    );
    console.info(`scan-start: ${Date.now() - killedAt} ms from SIGKILL to the scan's end`);
    // Every started account completed (the closed member is skipped, so "with errors").
    const rows = done.accounts.filter((a) => started.includes(a.accountId));
    expect(
      rows.every((a: ScanAccount) => a.status === 'completed'),
      JSON.stringify(rows),
    ).toBe(true);
    expect(done.status).toBe('completed_with_errors');
    // Runs recorded before the kill kept: the second worker did not start those accounts again.
    for (const [accountId, runId] of runIdsBefore)
      expect(rows.find((a) => a.accountId === accountId)?.runId).toBe(runId);
    // Through the API: exactly one advisor run of this scan per account, the one its row names.
    const runs = await scanRunsPerAccount(alice, scanId);
    expect([...runs.keys()].sort()).toEqual([...started].sort());
    for (const row of rows) expect(runs.get(row.accountId), row.accountId).toEqual([row.runId]);
  }, 260_000);
});
