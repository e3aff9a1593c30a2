/**
 * Guarantee: starting a scan of a 50-member organization answers at once (the runs are queued
 * behind the request with bounded fan-out), every account gets its run, and cancelling stops them.
 * Prints the measured times (BENCHMARKS material).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionResponse } from '../../src/shared/api/connections.js';
import { type Scan, ScanResponse } from '../../src/shared/api/scans.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { eventually } from '../support/eventually.js';
import { resetMoto } from '../support/moto.js';
import { MANAGEMENT_ACCOUNT_ID, refreshOrganization, seedOrganization } from '../support/org.js';

const MEMBERS = 50;

describe(`starting a scan of ${MEMBERS} member accounts`, () => {
  let t: TestApp;
  let alice: Agent;
  let orgId: string;

  beforeAll(async () => {
    await resetMoto();
    await seedOrganization(
      Array.from({ length: MEMBERS }, (_, i) => ({ name: `member-${i}`, ou: 'root' as const })),
    );
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    const created = await alice.post('/api/connections', {
      kind: 'role',
      name: 'management',
      roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
      organization: { memberRoleName: 'AgainConsoleAudit' },
    });
    orgId = ConnectionResponse.parse(created.json()).connection.id;
    expect((await refreshOrganization(alice, orgId)).refresh?.state).toBe('completed');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers before the runs are queued, then queues one run per account', async () => {
    const before = performance.now();
    const res = await alice.post('/api/scans', {
      connectionId: orgId,
      target: { kind: 'all' },
      services: ['s3'],
      regions: ['us-east-1'],
    });
    const answeredMs = performance.now() - before;
    expect(res.statusCode, res.body).toBe(202);
    const { scanId, accounts } = ScanResponse.parse(res.json()).scan;
    expect(accounts).toHaveLength(MEMBERS + 1);
    const queued = await eventually(
      async () => {
        const { scan } = ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json());
        if (scan.accounts.some((a) => !a.runId)) throw new Error('runs still being queued');
        return scan;
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    const queuedMs = performance.now() - before;
    console.log(
      `scan of ${MEMBERS + 1} accounts: 202 after ${Math.round(answeredMs)} ms, every run queued after ${Math.round(queuedMs)} ms`,
    );
    expect(answeredMs).toBeLessThan(queuedMs);
    expect(new Set(queued.accounts.map((a) => a.runId)).size).toBe(MEMBERS + 1);
    expect((await alice.post(`/api/scans/${scanId}/cancel`)).statusCode).toBeLessThan(410);
    const done: Scan = await eventually(
      async () => {
        const { scan } = ScanResponse.parse((await alice.get(`/api/scans/${scanId}`)).json());
        if (scan.status === 'running') throw new Error('still running');
        return scan;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(['cancelled', 'completed']).toContain(done.status);
  }, 300_000);
});
