import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorRunStore, runInstant } from '../../src/advisor/store.js';
import { allChecks } from '../../src/checks/registry.js';
import { CollectionStore } from '../../src/collections/store.js';
import type { Finding } from '../../src/core/findings.js';
import {
  FindingCountsResponse,
  ResourceFindingsResponse,
  ResourceSearchResponse,
} from '../../src/shared/api/resources.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { CountingStorage } from '../support/counting-storage.js';

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'ap-northeast-2'];
const ec2Check = allChecks.find((c) => c.service === 'ec2');

/**
 * The search and a resource's findings read one coverage index document per kind, not every
 * collection's metadata or every run record: with 10× the stored history, a request reads exactly
 * as many storage objects (design target: an organisation of 500 accounts, years of runs).
 */
describe('storage reads of search and resource findings do not grow with the history', () => {
  let dir: string;
  let storage: CountingStorage;
  let t: TestApp;
  let alice: Agent;
  let stored = 0;
  let latestCollection = '';

  /** Collections and completed runs written through the stores, as the jobs write them. */
  async function seed(count: number) {
    const docs = new DocumentStore(storage);
    const collections = new CollectionStore(docs);
    const runs = new AdvisorRunStore(docs);
    const username = alice.username ?? '';
    for (let i = 0; i < count; i++, stored++) {
      const at = new Date(Date.UTC(2025, 0, 1) + stored * 3_600_000);
      const finishedAt = at.toISOString();
      const id = `${finishedAt.replace(/\.\d+Z$/, 'Z').replaceAll(/[-:]/g, '')}-${String(stored).padStart(8, '0')}`;
      const instances = REGIONS.map((region) => ({
        region,
        instanceId: `i-${region}`,
        arn: `arn:aws:ec2:${region}:${ACCOUNT}:instance/i-${region}`,
        instanceType: 't3.micro',
        state: 'running',
        name: `web ${region}`,
        tags: [{ key: 'Team', value: 'Web' }],
        securityGroupIds: [] as string[],
        volumeIds: [] as string[],
      }));
      await collections.createServiceDocument(username, {
        collectionId: id,
        service: 'ec2',
        collectedAt: finishedAt,
        data: { 'ec2.instances': instances },
      });
      await collections.createMetadata({
        id,
        username,
        connectionId: 'conn-1',
        accountId: ACCOUNT,
        status: 'completed',
        requestedAt: finishedAt,
        finishedAt,
        regions: REGIONS,
        services: ['ec2'],
        results: {},
        errors: [],
        resourceCounts: { 'ec2.instances': instances.length },
      });
      latestCollection = id;
      const run = await runs.create(
        {
          username,
          status: 'completed',
          requestedAt: finishedAt,
          finishedAt,
          services: ['ec2'],
          regions: REGIONS,
          connectionId: 'conn-1',
          accountId: ACCOUNT,
          collectionId: id,
          reusedCollection: true,
        },
        at,
      );
      if (!ec2Check) throw new Error('no ec2 check');
      const findings: Finding[] = REGIONS.map((region) => ({
        checkId: ec2Check.id,
        service: 'ec2',
        category: ec2Check.category,
        severity: ec2Check.severity,
        status: 'fail',
        region,
        resourceId: `i-${region}`,
        message: { ko: '점검 결과', en: 'Finding' },
      }));
      await runs.putServiceDocument({
        runId: run.runId,
        username,
        service: 'ec2',
        timestamp: runInstant(run.runId),
        collectionId: id,
        connectionId: 'conn-1',
        accountId: ACCOUNT,
        regions: REGIONS,
        findings,
        checks: [{ id: ec2Check.id, settings: {} }],
      });
    }
  }

  /** Storage reads of one search, one resource's findings and one table's counts, on the newest data. */
  async function readsOfRequests() {
    storage.reset();
    const search = await alice.get('/api/resources/search?q=team%3Dweb');
    expect(search.statusCode, search.body).toBe(200);
    expect(ResourceSearchResponse.parse(search.json()).total).toBe(REGIONS.length);
    const query = `collectionId=${latestCollection}&collector=ec2.instances&resourceId=i-us-east-1&region=us-east-1`;
    const findings = await alice.get(`/api/resources/findings?${query}`);
    expect(findings.statusCode, findings.body).toBe(200);
    expect(ResourceFindingsResponse.parse(findings.json()).open).toHaveLength(1);
    const counts = await alice.get(
      `/api/resources/finding-counts?collectionId=${latestCollection}&service=ec2`,
    );
    expect(counts.statusCode, counts.body).toBe(200);
    expect(FindingCountsResponse.parse(counts.json()).counts).toHaveLength(REGIONS.length);
    const dashboard = await alice.get('/api/dashboard');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    return { gets: storage.gets.length, lists: [...storage.lists] };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storage-reads-'));
    storage = new CountingStorage(new LocalStorage(dir));
    t = await createTestApp({ storage });
    alice = await signUp(t.app, 'alice');
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the same number of objects with 5 and with 60 stored collections and runs', async () => {
    await seed(5);
    const few = await readsOfRequests();
    await seed(55);
    const many = await readsOfRequests();
    expect(stored).toBe(60);
    console.info(
      `storage reads of search + findings + counts + dashboard: ${few.gets} (5 stored), ${many.gets} (60 stored)`,
    );
    // Nothing is listed, and the count of objects read is the same: index + sources + session.
    expect(few.lists).toEqual([]);
    expect(many).toEqual(few);
    expect(few.gets).toBeLessThan(30);
  });

  it('builds a missing index once from a listing (data from before the index), then reads it alone', async () => {
    const username = alice.username ?? '';
    await storage.delete(keys.collectionsCoverageIndex(username));
    await storage.delete(keys.advisorRunsCoverageIndex(username));
    const rebuilt = await readsOfRequests();
    expect(rebuilt.lists.length).toBeGreaterThan(0);
    const after = await readsOfRequests();
    expect(after.lists).toEqual([]);
  });

  it('drops a deleted collection and run from the index: the earlier one is the source again', async () => {
    const before = ResourceSearchResponse.parse((await alice.get('/api/resources/search?q=web')).json());
    expect(before.collections.map((c) => c.collectionId)).toEqual([latestCollection]);
    const deleted = latestCollection;
    const res = await alice.delete(`/api/collections/${deleted}`);
    expect(res.statusCode, res.body).toBe(204);
    const after = ResourceSearchResponse.parse((await alice.get('/api/resources/search?q=web')).json());
    expect(after.collections).toHaveLength(1);
    expect(after.collections[0]?.collectionId).not.toBe(deleted);
    expect(after.total).toBe(REGIONS.length);
  });
});
