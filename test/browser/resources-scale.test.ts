import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionMetadata, ServiceSnapshotDocument } from '../../src/core/snapshot.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { en } from '../../src/web/i18n/en.js';
import { type BrowserSession, openBrowser, type RunningConsole, startConsole } from '../support/browser.js';

const ROWS = 10_000;
const USER = 'scale-user';
const COLLECTION_ID = '20250101T000000Z-0badcafe';

let server: RunningConsole;
let browser: BrowserSession;
let page: Page;

/** A finished collection of 10,000 instances, written where the server's local storage reads it. */
async function writeLargeCollection(dataDir: string): Promise<void> {
  const docs = new DocumentStore(new LocalStorage(join(dataDir, 'data')));
  const at = '2025-01-01T00:00:00.000Z';
  const instances = Array.from({ length: ROWS }, (_, i) => ({
    region: i % 2 ? 'us-east-1' : 'ap-northeast-2',
    instanceId: `i-${String(i).padStart(17, '0')}`,
    arn: `arn:aws:ec2:us-east-1:123456789012:instance/i-${i}`,
    instanceType: i % 3 === 0 ? 'm5.large' : 't3.micro',
    state: i % 7 === 0 ? 'stopped' : 'running',
    launchTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    tags: [{ key: 'Team', value: i % 100 === 0 ? 'Payments' : 'Web' }],
    name: `node-${i}`,
    securityGroupIds: [],
    volumeIds: [],
  }));
  const metadata: CollectionMetadata = {
    id: COLLECTION_ID,
    username: USER,
    connectionId: 'synthetic',
    connectionName: 'synthetic',
    accountId: '123456789012',
    status: 'completed',
    requestedAt: at,
    startedAt: at,
    finishedAt: at,
    durationMs: 60_000,
    regions: ['ap-northeast-2', 'us-east-1'],
    services: ['ec2'],
    results: { 'ec2.instances': { 'us-east-1': { status: 'ok', count: ROWS / 2 } } },
    errors: [],
    resourceCounts: { 'ec2.instances': ROWS },
  };
  const doc: ServiceSnapshotDocument = {
    collectionId: COLLECTION_ID,
    service: 'ec2',
    collectedAt: at,
    data: { 'ec2.instances': instances as NonNullable<ServiceSnapshotDocument['data']['ec2.instances']> },
  };
  await docs.putJson(keys.collectionService(USER, COLLECTION_ID, 'ec2'), doc);
  await docs.putJson(keys.collectionMetadata(USER, COLLECTION_ID), metadata);
}

/** Milliseconds from `act` until `done` holds (polled every animation frame by Playwright). */
async function timed(act: () => Promise<void>, done: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await act();
  await done();
  return performance.now() - start;
}

beforeAll(async () => {
  server = await startConsole();
  browser = await openBrowser('en-US');
  page = browser.page;
  await page.goto(`${server.baseUrl}/register`);
  await page.getByLabel(en.auth.username, { exact: true }).fill(USER);
  await page.getByLabel(en.auth.password, { exact: true }).fill('scale test password');
  await page.getByLabel(en.auth.confirmPassword, { exact: true }).fill('scale test password');
  await page.getByRole('button', { name: en.auth.register.submit }).click();
  await page.getByRole('heading', { level: 1, name: en.pages.dashboard.title }).waitFor();
  await writeLargeCollection(server.dataDir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the instances table at 10,000 rows', () => {
  const rows = () => page.locator('table.resource-table tbody tr');
  const range = () => page.getByTestId('table-range');

  it('opens, pages, sorts and searches, rendering one page at a time', async () => {
    const open = await timed(
      () => page.goto(`${server.baseUrl}/resources/collections/${COLLECTION_ID}`).then(() => undefined),
      () => expect.poll(() => range().textContent()).toBe('1–50 of 10,000'),
    );
    expect(await rows().count()).toBe(50); // never the whole 10,000 in the DOM

    const next = await timed(
      () => page.getByRole('button', { name: en.resources.table.next }).click(),
      () => expect.poll(() => range().textContent()).toBe('51–100 of 10,000'),
    );

    const sort = await timed(
      () => page.getByRole('button', { name: 'Sort by Launched' }).click(),
      () => expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1),
    );
    await expect.poll(() => range().textContent()).toBe('1–50 of 10,000'); // sorting starts at page 1

    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/services/ec2') && request.url().includes('q='))
        searches.push(request.url());
    });
    const search = await timed(
      () => page.getByLabel(en.resources.table.search).pressSequentially('payments', { delay: 40 }),
      () => expect.poll(() => range().textContent()).toBe('1–50 of 100'),
    );
    // Debounced: not one request per keystroke (a loaded machine may split the word once or twice),
    // and the last one asks for the whole word.
    expect(page.url()).toContain('q=payments');
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.length).toBeLessThan('payments'.length);
    expect(searches.at(-1)).toContain('q=payments');

    const timings = { open, next, sort, search };
    console.info(
      'resources table at 10,000 rows (ms):',
      JSON.stringify(timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
    );
    // Speed is a benchmark figure (`npm run bench:ui`, BENCHMARKS.md), not an assertion.
    expect(browser.pageErrors).toEqual([]);
  });
});
