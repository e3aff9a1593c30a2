/**
 * Guarantee: polling a running scan costs a bounded number of run reads whatever its size — at most
 * RECONCILE_MAX_READS per scan every RECONCILE_EVERY_MS, going round the running rows — and the rows
 * a missed run-finished hook left behind are still caught up. The advisor is a counting stand-in
 * (the run store's reads are what is measured); storage is the real local backend.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { createScanService, RECONCILE_EVERY_MS, RECONCILE_MAX_READS } from '../../src/scans/service.js';
import { newScanId, type StoredScan } from '../../src/scans/store.js';
import type { AdvisorRunSummary } from '../../src/shared/api/advisor.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';

describe('polling a running scan', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-scan-poll-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** A scan of `size` running rows; the runs of `finished` accounts have failed (hook missed). */
  async function setUp(size: number, finished: Set<number>) {
    let clock = new Date('2026-01-01T00:00:00Z');
    const documents = new DocumentStore(new LocalStorage(join(dir, String(size))));
    const reads: string[] = [];
    const summary = async (_username: string, runId: string): Promise<AdvisorRunSummary> => {
      reads.push(runId);
      const i = Number(runId.split('-').pop());
      return {
        runId,
        status: finished.has(i) ? 'failed' : 'collecting',
        requestedAt: clock.toISOString(),
        services: ['s3'],
        regions: ['us-east-1'],
        connectionId: 'c1',
        reusedCollection: false,
        ...(finished.has(i) ? { failureReason: 'AccessDenied' } : {}),
      } as AdvisorRunSummary;
    };
    const scans = createScanService({
      documents,
      connections: { get: async () => Promise.reject(new Error('unused')) },
      orgs: { read: async () => null },
      advisor: { summary, startRun: async () => Promise.reject(new Error('unused')), cancelRun: summary },
      runsOf: async () => [],
      queue: createInProcessQueue(),
      collectionError: async () => undefined,
      now: () => clock,
    });
    const scan: StoredScan = {
      scanId: newScanId(clock),
      username: 'alice',
      requestedAt: clock.toISOString(),
      connectionId: 'c1',
      connectionAccountId: '100000000000',
      target: { kind: 'all' },
      services: ['s3'],
      regions: ['us-east-1'],
      accounts: Array.from({ length: size }, (_, i) => ({
        accountId: String(200000000000 + i),
        name: `member-${i}`,
        ouPath: '/',
        status: 'running' as const,
        runId: `run-${i}`,
      })),
    };
    await documents.createJson(keys.scanRecord('alice', scan.scanId), scan);
    return {
      reads,
      get: () => scans.get('alice', scan.scanId),
      advance: (ms: number) => {
        clock = new Date(clock.getTime() + ms);
      },
    };
  }

  it('reads at most RECONCILE_MAX_READS runs per GET, with 10 rows as with 200', async () => {
    for (const size of [10, 200]) {
      const poll = await setUp(size, new Set());
      await poll.get();
      expect(poll.reads.length).toBe(Math.min(size, RECONCILE_MAX_READS));
      // Polled again within the interval: nothing is read.
      poll.reads.length = 0;
      poll.advance(RECONCILE_EVERY_MS / 2);
      await poll.get();
      await poll.get();
      expect(poll.reads).toHaveLength(0);
    }
  });

  it('goes round the running rows and still catches up every missed hook', async () => {
    const finished = new Set([3, 17, 29]);
    const poll = await setUp(30, finished);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      poll.reads.length = 0;
      await poll.get();
      expect(poll.reads.length).toBeLessThanOrEqual(RECONCILE_MAX_READS);
      for (const id of poll.reads) seen.add(id);
      poll.advance(RECONCILE_EVERY_MS);
    }
    expect(seen.size).toBe(30);
    const scan = await poll.get();
    const failed = scan.accounts.filter((a) => a.status === 'failed').map((a) => a.name);
    expect(failed.sort()).toEqual(['member-17', 'member-29', 'member-3']);
    expect(scan.status).toBe('running');
  });
});
