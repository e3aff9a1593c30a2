/**
 * The advisor job cancelled half-way through writing its history files: the files already written
 * are removed before the run is marked cancelled, so history never holds a partial run. (The HTTP
 * route and the collecting phase are covered against moto in ./cancel.test.ts.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunProgressHub } from '../../src/advisor/progress.js';
import { type AdvisorCollections, createAdvisorJobHandler } from '../../src/advisor/run-job.js';
import { AdvisorRunStore, runInstant, type StoredRun } from '../../src/advisor/store.js';
import type { StoredCollection } from '../../src/collections/types.js';
import { createMemoryBus } from '../../src/jobs/progress-bus.js';
import { embeddedPriceBook } from '../../src/pricing/embedded.js';
import type { AdvisorRunSummary } from '../../src/shared/api/advisor.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';

describe('an advisor job cancelled while evaluating', () => {
  let dir: string;
  let storage: LocalStorage;
  let runs: AdvisorRunStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'advisor-cancel-'));
    storage = new LocalStorage(dir);
    runs = new AdvisorRunStore(new DocumentStore(storage));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function runJob(options: { userCancelled: boolean }) {
    const at = new Date('2025-06-01T00:00:00.000Z');
    const run = await runs.create(
      {
        username: 'u',
        status: 'queued',
        requestedAt: at.toISOString(),
        services: ['ec2', 's3', 'iam'],
        regions: ['us-east-1'],
        connectionId: 'c',
        collectionId: 'col-1',
        reusedCollection: true,
      },
      at,
    );
    const collection = {
      id: 'col-1',
      username: 'u',
      status: 'completed',
      services: ['ec2', 's3', 'iam'],
      regions: ['us-east-1'],
      connectionId: 'c',
      requestedAt: at.toISOString(),
    } as unknown as StoredCollection;
    const controller = new AbortController();
    const written: string[] = [];
    // The abort arrives right after the first history file: the middle of the evaluation.
    const putServiceDocument: AdvisorRunStore['putServiceDocument'] = async (doc) => {
      await runs.putServiceDocument(doc);
      written.push(doc.service);
      controller.abort(new Error('cancelled'));
    };
    const handler = createAdvisorJobHandler({
      runs: Object.assign(Object.create(runs) as AdvisorRunStore, { putServiceDocument }),
      hub: new RunProgressHub(createMemoryBus()),
      collections: {
        get: async () => collection,
        store: { getServiceDocument: async () => null },
      } as unknown as AdvisorCollections,
      checks: () => [],
      overrides: async () => ({}),
      prices: async () => embeddedPriceBook(),
      summarize: async (r: StoredRun) => r as unknown as AdvisorRunSummary,
      now: () => new Date(),
      log: () => {},
      cancelRequested: () => options.userCancelled,
    });
    await handler(
      { username: 'u', runId: run.runId },
      {
        signal: controller.signal,
        redelivered: false,
        attempt: 1,
        finalAttempt: true,
        fanOut: async () => {},
      },
    );
    const files = (await storage.list(keys.advisorPrefix('u'))).filter((k) =>
      ['ec2', 's3', 'iam'].some((s) => k === keys.advisorRun('u', s, runInstant(run.runId))),
    );
    return { final: await runs.get('u', run.runId), written, files };
  }

  it('removes the files it wrote and marks the run cancelled', async () => {
    const { final, written, files } = await runJob({ userCancelled: true });
    expect(written).toEqual(['ec2']);
    expect(files).toEqual([]);
    expect(final).toMatchObject({ status: 'cancelled', failureReason: 'cancelled by the user' });
  });

  it('a shutdown abort (no user cancel) also leaves no files, and the run failed', async () => {
    const { final, files } = await runJob({ userCancelled: false });
    expect(files).toEqual([]);
    expect(final?.status).toBe('failed');
  });
});
