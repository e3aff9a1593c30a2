import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { type _InstanceType, CreateTagsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { COLUMN_LABELS } from '../../src/core/columns.js';
import { type Gate, startGate } from '../advisor/gate.js';
import {
  type ConsoleOptions,
  expectNoSeriousA11yViolations,
  type RunningConsole,
  saveScreenshot,
} from '../support/browser.js';
import {
  type AccessKeys,
  browserPerSuite,
  connectKeys,
  consolePerFile,
  createEmulatorKeys,
  expectH1,
  LANGUAGES,
  submitRegisterForm,
} from '../support/browser-session.js';
import { motoClientConfig, motoEndpoint } from '../support/moto.js';

const HOME = 'us-east-1';
const SEOUL = 'ap-northeast-2';

/** Noon UTC `daysAgo` days back: inside the collectors' 14-day window. */
const noon = (daysAgo: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - daysAgo);
  d.setUTCHours(12, 0, 0, 0);
  return d;
};

let server: RunningConsole;
let webServerId = '';
let keys: AccessKeys = { accessKeyId: '', secretAccessKey: '' };
/**
 * The console reaches the emulator through a gate: the progress test holds S3 calls so the
 * collection is certainly still running when the page reloads (a fast run under load finished
 * before the reload and left no live grid to re-attach to).
 */
let gate: Gate | undefined;
const consoleOptions: ConsoleOptions = {};

/** A small account: three instances over two regions (one with CPU, network and memory), a bucket. */
async function seedAccount(): Promise<void> {
  const ec2 = new EC2Client(motoClientConfig(HOME));
  const run = async (client: EC2Client, name: string, type: _InstanceType) => {
    const out = await client.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: type,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'Name', Value: name },
              { Key: 'Env', Value: 'prod' },
            ],
          },
        ],
      }),
    );
    return out.Instances?.[0]?.InstanceId ?? '';
  };
  webServerId = await run(ec2, 'web-server', 't3.large');
  await run(ec2, 'batch-worker', 'm5.xlarge');
  const seoulEc2 = new EC2Client(motoClientConfig(SEOUL));
  await run(seoulEc2, 'api-seoul', 't3.micro');

  // The emulator mis-handles compressed PutMetricData bodies.
  const cw = new CloudWatchClient({ ...motoClientConfig(HOME), disableRequestCompression: true });
  const dims = [{ Name: 'InstanceId', Value: webServerId }];
  const data: MetricDatum[] = [];
  for (let day = 1; day <= 7; day++) {
    const at = noon(day);
    data.push({
      MetricName: 'CPUUtilization',
      Dimensions: dims,
      Timestamp: at,
      Values: [8 + day * 3, 20 + day * 6],
    });
    data.push({ MetricName: 'NetworkIn', Dimensions: dims, Timestamp: at, Values: [4e8 + day * 5e7] });
    data.push({ MetricName: 'NetworkOut', Dimensions: dims, Timestamp: at, Values: [2e8 + day * 3e7] });
  }
  await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data }));
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'CWAgent',
      MetricData: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
        MetricName: 'mem_used_percent',
        Dimensions: dims,
        Timestamp: noon(day),
        Values: [40 + day * 4],
      })),
    }),
  );
  await new S3Client(motoClientConfig(HOME)).send(new CreateBucketCommand({ Bucket: 'again-demo-logs' }));

  keys = await createEmulatorKeys('console-reader', HOME);
  for (const client of [ec2, seoulEc2, cw]) client.destroy();
  gate = await startGate(motoEndpoint());
  consoleOptions.awsEndpoint = gate.endpoint;
}

consolePerFile(
  seedAccount,
  (started) => {
    server = started;
  },
  consoleOptions,
);
afterAll(async () => gate?.close());

/** Waits for the collection page to show a final status badge and returns it. */
async function finalStatus(page: Page): Promise<string> {
  const badge = page.locator('[data-status]').first();
  await expect
    .poll(() => badge.getAttribute('data-status'), { timeout: 90_000, interval: 500 })
    .toMatch(/^(completed|completed_with_errors|failed|cancelled)$/);
  return (await badge.getAttribute('data-status')) ?? '';
}

describe.each(LANGUAGES)('Resources pages in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const r = text.resources;
  let firstCollectionUrl = '';

  const suite = browserPerSuite(
    // Collections share 2 cores with the rest of the suite: give page actions more room than 15 s.
    { locale, name: `resources-${lang}`, actionTimeoutMs: 30_000, bodyTextOnFailure: true },
    async (opened) => {
      page = opened.page;
      // Register through the UI, then connect the emulator account by access key through the API.
      const password = `resources ${lang} password`;
      await submitRegisterForm(page, { baseUrl: server.baseUrl, text, username: `res-${lang}`, password });
      // (expect.poll only works inside a test; a hook waits with the locator itself)
      await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
      await connectKeys(page, keys);
    },
  );

  it('the start form offers every service (all checked) and the regions AWS reports', async () => {
    await page.getByRole('link', { name: text.nav.resources, exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: text.pages.resources.emptyTitle }).count())
      .toBe(1);
    await page.getByRole('link', { name: r.history.start }).first().click();
    await expectH1(page, r.start.title);
    for (const service of ['ec2', 's3', 'lambda', 'rds', 'iam'] as const) {
      expect(await page.getByLabel(r.services[service], { exact: true }).isChecked()).toBe(true);
    }
    // The region picker: the account's enabled regions, the home region proposed.
    const picker = page.getByRole('group', { name: text.regionPicker.legend, exact: true });
    const regionBox = (region: string) => picker.getByRole('checkbox', { name: new RegExp(`^${region} `) });
    await regionBox(SEOUL).waitFor();
    expect(await regionBox(HOME).isChecked()).toBe(true);
    expect(await regionBox(SEOUL).isChecked()).toBe(false);
    // Lambda and RDS are left out to keep the run short on the 2-core CI machine.
    await page.getByLabel(r.services.lambda, { exact: true }).uncheck();
    await page.getByLabel(r.services.rds, { exact: true }).uncheck();
    await regionBox(SEOUL).check();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'resources-start', lang);
    await page.getByLabel(text.regionPicker.allEnabled).check();
    expect(await picker.getByRole('checkbox').count()).toBe(0);
  });

  it('starts a collection, streams its progress, survives a reload and reaches done', async () => {
    // S3 waits at the gate until after the reload; every other service runs and fills the grid.
    gate?.hold('s3');
    try {
      await startWatchAndReload();
    } finally {
      gate?.open();
    }
    expect(await finalStatus(page)).toBe('completed');
    expect(await page.locator('[data-status]').first().textContent()).toContain(r.status.completed);
  });

  async function startWatchAndReload() {
    await page.getByRole('button', { name: r.start.submit }).click();
    await page.waitForURL(/\/resources\/collections\/[^/]+$/);
    firstCollectionUrl = page.url();
    await expectH1(page, r.collection.title);
    // Every enabled region makes the run last long enough to watch: the live grid fills from the stream.
    const grid = page.getByTestId('progress-grid');
    const liveCells = grid.locator('td[data-state]:not([data-state="none"])');
    await expect.poll(() => liveCells.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Collectors at work: the status badge says so (it said "Queued" from the page's first read).
    await expect
      .poll(() => page.locator('[data-status]').first().getAttribute('data-status'))
      .toMatch(/^(running|completed)$/);
    // A reload re-attaches: the stream's opening snapshot rebuilds the whole grid.
    await page.reload();
    await expectH1(page, r.collection.title);
    await expect.poll(() => liveCells.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('progress-overall').textContent()).toMatch(/\d/);
    await saveScreenshot(page, 'resources-progress', lang);
    await expectNoSeriousA11yViolations(page);
    // Still running after the reload: S3 has not been let through yet.
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('running');
    expect(gate?.waiting()).toBeGreaterThan(0);
  }

  it('lists instances of both regions, searches server-side and sorts', async () => {
    const rows = page.locator('table.resource-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const body = (await page.locator('table.resource-table tbody').textContent()) ?? '';
    expect(body).toContain(webServerId);
    expect(body).toContain(SEOUL);
    expect(body).toContain('web-server');
    await page
      .getByRole('button', { name: r.table.sortBy.replace('{{column}}', COLUMN_LABELS.type[lang]) })
      .click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await expect
      .poll(async () => {
        // The Type column's place among the headers (the Findings column sits before it).
        const headers = await page.locator('table.resource-table thead th').allTextContents();
        const type = headers.findIndex((h) => h.startsWith(COLUMN_LABELS.type[lang])) + 1;
        return page.locator(`table.resource-table tbody td:nth-child(${type})`).allTextContents();
      })
      .toEqual(['m5.xlarge', 't3.large', 't3.micro']);
    await page.getByLabel(r.table.search).fill('web-server');
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('q=web-server'); // the search is in the URL, i.e. asked of the server
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'resources-table', lang);
  });

  it('opens an instance: every field, its tags and CPU/network/memory charts with data', async () => {
    await page.getByRole('link', { name: webServerId }).click();
    await expectH1(page, `web-server (${webServerId})`);
    await expect.poll(() => page.locator('figure.metric-chart canvas').count()).toBe(3);
    const points = await page
      .locator('figure.metric-chart')
      .evaluateAll((figs) => figs.map((f) => Number(f.getAttribute('data-points'))));
    expect(points.every((n) => n >= 7)).toBe(true);
    // The canvas really has a drawing on it (not a blank box).
    const inked = await page
      .locator('figure.metric-chart canvas')
      .first()
      .evaluate((canvas) => {
        // The callback runs in the page; Node's lib has no DOM types, so the shape is spelled out.
        const c = canvas as unknown as {
          width: number;
          height: number;
          getContext(
            kind: '2d',
          ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
        };
        const pixels =
          c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) count++;
        return count;
      });
    expect(inked).toBeGreaterThan(1000);
    await expect.poll(() => page.getByText(r.charts.cpu, { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText(r.charts.memory, { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('resource-tags').textContent()).toContain('prod');
    expect(await page.locator('table.field-table').textContent()).toContain('t3.large');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'resources-detail', lang);
  });

  it('compares two collections (changed tags, an added bucket), then deletes one with a confirmation', async () => {
    const ec2 = new EC2Client(motoClientConfig(HOME));
    await ec2.send(
      new CreateTagsCommand({ Resources: [webServerId], Tags: [{ Key: `Owner-${lang}`, Value: 'team' }] }),
    );
    await new S3Client(motoClientConfig(HOME)).send(
      new CreateBucketCommand({ Bucket: `added-${lang}-bucket` }),
    );
    ec2.destroy();
    await page.goto(`${server.baseUrl}/resources/new`);
    await page.getByLabel(r.services.lambda, { exact: true }).uncheck();
    await page.getByLabel(r.services.rds, { exact: true }).uncheck();
    await page.getByLabel(text.regionPicker.allEnabled).check(); // like the first, so only real changes show
    await page.getByRole('button', { name: r.start.submit }).click();
    await page.waitForURL(/\/resources\/collections\/[^/]+$/);
    expect(page.url()).not.toBe(firstCollectionUrl);
    expect(await finalStatus(page)).toBe('completed');

    await page.getByRole('link', { name: r.collection.backToHistory }).click();
    const rows = page.locator('[data-testid="collections-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'resources-history', lang);
    await page.getByRole('button', { name: r.history.compare }).click();
    await expectH1(page, r.diff.title);
    await expect.poll(() => page.getByText(`added-${lang}-bucket`).count()).toBe(1);
    expect(await page.getByText(`tags.Owner-${lang}`).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('diff-totals').textContent()).toMatch(/\d/);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'resources-diff', lang);

    await page.getByRole('link', { name: r.collection.backToHistory }).click();
    await rows.first().getByRole('button', { name: r.history.delete }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByRole('button', { name: r.history.delete }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByText(r.history.deleted).count()).toBe(1);
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('cancels a running collection after a confirmation', async () => {
    await page.getByRole('link', { name: r.history.start }).first().click();
    await page.getByLabel(text.regionPicker.allEnabled).check();
    await page.getByRole('button', { name: r.start.submit }).click();
    await page.waitForURL(/\/resources\/collections\/[^/]+$/);
    await page.getByRole('button', { name: r.progress.cancel }).click();
    await page.getByRole('dialog').getByRole('button', { name: r.progress.cancelConfirm }).click();
    expect(await finalStatus(page)).toBe('cancelled');
    expect(await page.locator('[data-status]').first().textContent()).toContain(r.status.cancelled);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
