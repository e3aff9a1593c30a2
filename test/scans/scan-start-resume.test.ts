/**
 * Guarantee: a scan's fan-out is a job that survives its interruption. (1) Storage refuses the
 * scan's writes right after the k-th run was created, so that run's id is never recorded and the
 * job throws: the queue's retry resumes the fan-out, adopts the run it finds for the in-doubt
 * account instead of starting a second one, and the scan completes. (2) The process stops mid
 * fan-out (queue closed while the writes fail): a new process on the same storage resumes the
 * fan-out at start-up. Either way every account ends with exactly one run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PutOptions } from '../../src/core/storage.js';
import { type Scan, ScanResponse } from '../../src/shared/api/scans.js';
import { LocalStorage } from '../../src/storage/local.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { resetMoto } from '../support/moto.js';
import { connectOrganizationOf, seedOrganization } from '../support/org.js';
import { WrappedStorage } from '../support/wrapped-storage.js';

const RUN_RECORD = /^users\/[^/]+\/advisor\/runs\/[^/]+\.json$/;
const SCAN_RECORD = /^users\/[^/]+\/scans\/[^/]+\.json$/;

/**
 * Storage whose scan-document writes fail while `failing` holds (a storage outage); beyond
 * `maxRuns` run records are refused too (the process is as good as dead).
 */
class FlakyScanStorage extends WrappedStorage {
  runsCreated = 0;
  refusedScanWrites = 0;
  failing = false;
  maxRuns = Number.POSITIVE_INFINITY;
  private runsStarted = 0;
  /** Called after each run record is created (the test turns the outage on from here). */
  onRunCreated: (count: number) => void = () => {};

  override async put(key: string, body: Buffer | string, options?: PutOptions): Promise<{ etag: string }> {
    const runCreate = RUN_RECORD.test(key) && options?.ifNoneMatch === '*';
    if (runCreate && this.runsStarted++ >= this.maxRuns) {
      this.failing = true;
      throw new Error('storage unavailable');
    }
    if (this.failing && SCAN_RECORD.test(key)) {
      this.refusedScanWrites++;
      throw new Error('storage unavailable');
    }
    const written = await this.inner.put(key, body, options);
    if (runCreate) this.onRunCreated(++this.runsCreated);
    return written;
  }
}

const SCAN = { target: { kind: 'all' }, services: ['s3'], regions: ['us-east-1'] };

async function finished(agent: Agent, scanId: string): Promise<Scan> {
  return await eventually(
    async () => {
      const { scan } = ScanResponse.parse((await agent.get(`/api/scans/${scanId}`)).json());
      if (scan.status === 'running') throw new Error(`scan ${scanId} is still running`);
      return scan;
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
}

/** The runs of a scan per account, from storage: the proof that no account was started twice. */
async function runsPerAccount(t: TestApp, username: string, scanId: string): Promise<Map<string, number>> {
  const runs = (await t.deps.advisor.runs.list(username)).filter((r) => r.scanId === scanId);
  const counts = new Map<string, number>();
  for (const run of runs) {
    const account = run.accountId ?? 'connection';
    counts.set(account, (counts.get(account) ?? 0) + 1);
  }
  return counts;
}

describe('a scan fan-out interrupted mid-way', () => {
  let dataDir: string;

  beforeAll(async () => {
    await resetMoto();
    await seedOrganization();
    dataDir = await mkdtemp(join(tmpdir(), 'again-scan-resume-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is retried by the queue: the in-doubt account keeps its one run, the scan completes', async () => {
    const storage = new FlakyScanStorage(new LocalStorage(join(dataDir, 'retry')));
    const t = await createTestApp({ storage });
    try {
      const alice = await signUp(t.app, 'alice');
      const orgId = await connectOrganizationOf(alice);
      storage.onRunCreated = (count) => {
        if (count !== 2) return;
        // The outage starts right after the second run's record: its id never reaches the scan.
        storage.failing = true;
        setTimeout(() => {
          storage.failing = false;
        }, 300);
      };
      const res = await alice.post('/api/scans', { connectionId: orgId, ...SCAN });
      expect(res.statusCode, res.body).toBe(202);
      const { scanId, accounts } = ScanResponse.parse(res.json()).scan;
      const done = await finished(alice, scanId);
      expect(storage.refusedScanWrites).toBeGreaterThan(0);
      expect(t.logs.some((l) => l.includes('scan runs queued') && l.includes('"attempt":2'))).toBe(true);
      const started = accounts.filter((a) => a.status === 'pending');
      expect(done.accounts.filter((a) => a.runId)).toHaveLength(started.length);
      const counts = await runsPerAccount(t, 'alice', scanId);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(started.length);
      // Every started account completed; the suspended member is skipped (so "with errors").
      const startedIds = new Set(started.map((a) => a.accountId));
      const rows = done.accounts.filter((a) => startedIds.has(a.accountId));
      expect(
        rows.every((a) => a.status === 'completed'),
        JSON.stringify(rows),
      ).toBe(true);
      expect(done.status).toBe('completed_with_errors');
    } finally {
      await t.close();
    }
  }, 180_000);

  it('is resumed by the next process on the same storage: one run per account', async () => {
    const shared = new LocalStorage(join(dataDir, 'restart'));
    const storage = new FlakyScanStorage(shared);
    const first = await createTestApp({ storage });
    const alice = await signUp(first.app, 'alice');
    const orgId = await connectOrganizationOf(alice);
    // After the second run, nothing more reaches the scan or a run: the process "dies" mid fan-out.
    storage.maxRuns = 2;
    const res = await alice.post('/api/scans', { connectionId: orgId, ...SCAN });
    expect(res.statusCode, res.body).toBe(202);
    const { scanId, accounts } = ScanResponse.parse(res.json()).scan;
    await eventually(() => storage.refusedScanWrites > 0, { timeoutMs: 30_000 });
    await first.close();
    const created = storage.runsCreated;
    expect(created).toBe(2);

    const second = await createTestApp({ storage: shared });
    try {
      const done = await finished(alice.on(second.app), scanId);
      expect(second.logs.some((l) => l.includes('interrupted scan starts resumed'))).toBe(true);
      const counts = await runsPerAccount(second, 'alice', scanId);
      const pending = accounts.filter((a) => a.status === 'pending');
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(pending.length);
      expect(done.accounts.filter((a) => a.runId)).toHaveLength(pending.length);
      // Runs the first process left unfinished are failed by the restart; the rest complete.
      expect(['completed', 'completed_with_errors'], JSON.stringify(done.accounts)).toContain(done.status);
      expect(done.accounts.filter((a) => a.status === 'completed').length).toBeGreaterThanOrEqual(
        pending.length - created,
      );
    } finally {
      await second.close();
    }
  }, 240_000);
});
