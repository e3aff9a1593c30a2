/**
 * The refresh and fan-out jobs have deterministic ids (`org-refresh/{u}/{connectionId}`,
 * `scan-start/{u}/{scanId}`). BullMQ keeps a failed job a day under its id and silently ignores an
 * `add()` with that id meanwhile, so "asked again after a failure" must be shown to run, in both
 * modes: (1) a refresh refused by AWS (the management role, at the gate; the last directory stays),
 * then allowed, runs and completes — and a second request while one runs joins it; (2) a scan fan-out whose job failed
 * every try (scan writes refused by storage) is resumed by a worker's start-up and the scan ends
 * with one run per account. Each mode has its own test file (they run in parallel).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PutOptions } from '../../src/core/storage.js';
import { SCAN_START_RETRY } from '../../src/scans/start-job.js';
import { OrgResponse } from '../../src/shared/api/orgs.js';
import { ScanResponse } from '../../src/shared/api/scans.js';
import { LocalStorage } from '../../src/storage/local.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { motoEndpoint, resetMoto } from '../support/moto.js';
import {
  addOrganizationConnection,
  refreshOrganization,
  scanRunsPerAccount,
  seedOrganization,
} from '../support/org.js';
import { WrappedStorage } from '../support/wrapped-storage.js';

const SCAN_RECORD = /^users\/[^/]+\/scans\/[^/]+\.json$/;
const MANAGEMENT_ROLE = ':role/OrgReader';

/** Storage that refuses every compare-and-swap write of a scan record while `failing` holds. */
class RefusingScanUpdates extends WrappedStorage {
  failing = false;
  refused = 0;

  override async put(key: string, body: Buffer | string, options?: PutOptions): Promise<{ etag: string }> {
    if (this.failing && options?.ifMatch && SCAN_RECORD.test(key)) {
      this.refused++;
      throw new Error('storage unavailable');
    }
    return await this.inner.put(key, body, options);
  }
}

/** The suite, run by asked-again-embedded.test.ts and asked-again-redis.test.ts (`env`: the mode's). */
export function askedAgainSuite(mode: string, env: () => Record<string, string>) {
  describe(`a job asked again after it failed (${mode} mode)`, () => {
    let gate: Gate;
    let dataDir: string;
    let storage: RefusingScanUpdates;
    let t: TestApp;
    let alice: Agent;
    let orgId: string;
    let members: string[];

    beforeAll(async () => {
      await resetMoto();
      members = Object.values((await seedOrganization()).members);
      gate = await startGate(motoEndpoint());
      dataDir = await mkdtemp(join(tmpdir(), 'again-asked-again-'));
      storage = new RefusingScanUpdates(new LocalStorage(dataDir));
      t = await createTestApp({ storage, env: { AWS_ENDPOINT_URL: gate.endpoint, ...env() } });
      alice = await signUp(t.app, 'alice');
      orgId = await addOrganizationConnection(alice, { memberRoleName: 'AgainConsoleAudit' }, 'management');
      expect((await refreshOrganization(alice, orgId)).refresh?.state).toBe('completed');
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await gate?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('org-refresh: refused once, then allowed, the refresh asked again runs and completes', async () => {
      const before = OrgResponse.parse((await alice.get(`/api/orgs/${orgId}`)).json()).organization;
      gate.denyAssumeRole(MANAGEMENT_ROLE);
      const failed = await refreshOrganization(alice, orgId);
      expect(failed.refresh?.state, JSON.stringify(failed.refresh)).toBe('failed');
      // The failed refresh left the last directory as it was.
      expect(failed.organization).toEqual(before);

      gate.allowAssumeRole(MANAGEMENT_ROLE);
      // Held mid-discovery: a second request joins the running refresh instead of starting another.
      gate.hold('organizations', { after: 1 });
      const first = await alice.post(`/api/orgs/${orgId}/refresh`);
      expect(first.statusCode, first.body).toBe(202);
      await eventually(() => gate.waiting() > 0, { timeoutMs: 30_000, intervalMs: 50 });
      const second = await alice.post(`/api/orgs/${orgId}/refresh`);
      expect(second.statusCode, second.body).toBe(202);
      const running = [first, second].map((r) => OrgResponse.parse(r.json()).refresh);
      expect(running.map((r) => r?.state)).toEqual(['running', 'running']);
      expect(running[1]?.startedAt).toBe(running[0]?.startedAt);
      gate.open();

      const done = await eventually(
        async () => {
          const org = OrgResponse.parse((await alice.get(`/api/orgs/${orgId}`)).json());
          if (org.refresh?.state === 'running') throw new Error('the refresh is still running');
          return org;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      expect(done.refresh?.state, JSON.stringify(done.refresh)).toBe('completed');
      expect(done.refresh?.startedAt).toBe(running[0]?.startedAt);
      expect(done.refresh?.error).toBeUndefined();
      expect(done.organization?.counts.accounts).toBe(members.length + 1);
      expect(done.organization?.discoveredAt).not.toBe(before?.discoveredAt);
    }, 120_000);

    it('scan-start: a fan-out that failed every try is resumed at start-up, one run per account', async () => {
      // Every claim of the fan-out is refused: each of its tries throws, the job fails for good.
      storage.failing = true;
      const res = await alice.post('/api/scans', {
        connectionId: orgId,
        target: { kind: 'all' },
        services: ['s3'],
        regions: ['us-east-1'],
      });
      expect(res.statusCode, res.body).toBe(202);
      const { scanId, accounts } = ScanResponse.parse(res.json()).scan;
      const started = accounts.filter((a) => a.status === 'pending').map((a) => a.accountId);
      expect(started).toHaveLength(members.length); // all but the closed one
      // Backoff 1 + 2 + 4 + 8 s between the five tries.
      await eventually(() => storage.refused >= SCAN_START_RETRY.attempts * started.length, {
        timeoutMs: 60_000,
        intervalMs: 100,
      });
      storage.failing = false;
      const stuck = ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json()).scan;
      expect(stuck.accounts.filter((a) => a.runId)).toEqual([]);

      // What a worker does when it starts: the fan-out's job is gone (failed), so it is queued again
      // under the same id — and must run, not be ignored as a duplicate of the failed job.
      await eventually(async () => expect(await t.deps.scans.recoverStarts()).toBe(1), {
        timeoutMs: 30_000,
        intervalMs: 200,
      });
      const done = await eventually(
        async () => {
          const { scan } = ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json());
          if (scan.status === 'running') throw new Error('the scan is still running');
          return scan;
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      const rows = done.accounts.filter((a) => started.includes(a.accountId));
      expect(
        rows.every((a) => a.status === 'completed'),
        JSON.stringify(rows),
      ).toBe(true);
      const runs = await scanRunsPerAccount(alice, scanId);
      expect([...runs.keys()].sort()).toEqual([...started].sort());
      for (const row of rows) expect(runs.get(row.accountId), row.accountId).toEqual([row.runId]);
    }, 180_000);
  });
}
