/**
 * The dashboard in the browser, in Korean and English: the guide's three states for a new user,
 * the figures merged per service after run A (all five services) then run B (only S3), and the
 * API docs (Swagger UI, and a valid OpenAPI 3 document with the bearer token scheme).
 */
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS, SEVERITIES, type ServiceId } from '../../src/core/services.js';
import { AdvisorRunDetailResponse, type FindingDto } from '../../src/shared/api/advisor.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  LANGUAGES,
  pageApi,
  submitRegisterForm,
} from '../support/browser-session.js';
import { motoClientConfig } from '../support/moto.js';

const REGION = 'us-east-1';

let server: RunningConsole;
let volume = '';

/** Tiny on purpose: one unattached gp2 volume (a cost finding with savings) and one bucket. */
async function seed(): Promise<void> {
  const ec2 = new EC2Client(motoClientConfig(REGION));
  const created = await ec2.send(
    new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 50, VolumeType: 'gp2' }),
  );
  volume = created.VolumeId ?? '';
  ec2.destroy();
  await createBucket('dash-first');
}

async function createBucket(name: string): Promise<void> {
  const s3 = new S3Client(motoClientConfig(REGION));
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  s3.destroy();
}

/** Starts an advisor run and polls it to the end: its detail (findings with mutes applied). */
async function advise(page: Page, services: ServiceId[]): Promise<AdvisorRunDetailResponse> {
  const started = await pageApi(page, 'POST', '/api/advisor/runs', { services, regions: [REGION] });
  expect(started.status).toBe(202);
  const runId = (started.json as { run: { runId: string } }).run.runId;
  let detail: AdvisorRunDetailResponse | undefined;
  await expect
    .poll(
      async () => {
        detail = AdvisorRunDetailResponse.parse(
          (await pageApi(page, 'GET', `/api/advisor/runs/${runId}`)).json,
        );
        return detail.run.status;
      },
      { timeout: 90_000, interval: 250 },
    )
    .toMatch(/^(completed|failed)$/);
  expect(detail?.run.status).toBe('completed');
  return detail as AdvisorRunDetailResponse;
}

const isOpen = (f: FindingDto) => f.status === 'fail' || f.status === 'warning';
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

consolePerFile(seed, (started) => {
  server = started;
});

describe.each(LANGUAGES)('dashboard in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const step = (id: string) => page.locator(`[data-testid=getting-started] li[data-step=${id}]`);
  const states = async () =>
    Promise.all(['connect', 'collect', 'advise'].map((id) => step(id).getAttribute('data-state')));

  const suite = browserPerSuite({ locale, name: `dashboard-${lang}` }, (opened) => {
    page = opened.page;
  });

  it('a fresh user: connect is the next step; once connected, collect is', async () => {
    const password = `dashboard ${lang} password 1`;
    await submitRegisterForm(page, { baseUrl: server.baseUrl, text, username: `dash-${lang}`, password });
    await expect.poll(states).toEqual(['next', 'todo', 'todo']);
    const next = step('connect').getByRole('link', { name: text.gettingStarted.connect.action });
    expect(await next.getAttribute('class')).toContain('btn-primary');
    expect(await step('connect').locator('[aria-current=step]').count()).toBe(1);
    expect(await step('advise').textContent()).toContain(text.gettingStarted.needsConnection);
    expect(await step('connect').textContent()).toContain(text.gettingStarted.states.next);
    await expectNoSeriousA11yViolations(page);

    await connectEmulatorUser(page, `dash-${lang}`, REGION);
    await page.reload();
    await expect.poll(states).toEqual(['done', 'next', 'todo']);
    expect(await step('connect').textContent()).toContain(text.gettingStarted.states.done);
    const collect = step('collect').getByRole('link', { name: text.gettingStarted.collect.action });
    expect(await collect.getAttribute('class')).toContain('btn-primary');
    expect(
      await step('advise')
        .getByRole('link', { name: text.gettingStarted.advise.action })
        .getAttribute('class'),
    ).toContain('btn-outline-primary');
  });

  it('after run A (all services) then run B (only S3), each service shows its own latest run', async () => {
    const a = await advise(page, [...SERVICE_IDS]);
    await createBucket(`dash-between-${lang}`); // B sees a bucket A never saw
    const b = await advise(page, ['s3']);
    expect(b.findings.some((f) => f.resourceId === `dash-between-${lang}`)).toBe(true);

    await page.goto(`${server.baseUrl}/`);
    const sources = page.getByTestId('dash-sources');
    await sources.waitFor();
    const runOf = (s: ServiceId) =>
      sources.locator(`tr[data-service=${s}][data-region=global] td[data-run]`).getAttribute('data-run');
    await expect
      .poll(() => Promise.all(SERVICE_IDS.map(runOf)))
      .toEqual(SERVICE_IDS.map((s) => (s === 's3' ? b.run.runId : a.run.runId)));
    const collectionOf = (s: ServiceId) =>
      sources
        .locator(`tr[data-service=${s}][data-region=global] td[data-collection]`)
        .getAttribute('data-collection');
    await expect
      .poll(() => Promise.all(SERVICE_IDS.map(collectionOf)))
      .toEqual(SERVICE_IDS.map((s) => (s === 's3' ? b.run.collectionId : a.run.collectionId)));
    // The guide is gone: connected, collected (by the runs) and advised.
    expect(await page.getByTestId('getting-started').count()).toBe(0);

    // What the merge must show, computed here from the two runs' own findings.
    const merged = [
      ...a.findings.filter((f) => f.service !== 's3'),
      ...b.findings.filter((f) => f.service === 's3'),
    ].filter(isOpen);
    await expect
      .poll(async () => Number(await page.getByTestId('dash-open').textContent()))
      .toBe(merged.length);
    const savings = merged.reduce((sum, f) => sum + (f.estimatedMonthlySavingsUsd ?? 0), 0);
    expect(savings).toBeGreaterThan(0);
    expect(digits(await page.getByTestId('dash-savings').textContent())).toBeCloseTo(savings, 2);
    // The volume's savings come from run A: the newest run alone (S3) would have lost them.
    await expect.poll(() => page.getByTestId('top-savings').textContent()).toContain(volume);
    expect(b.findings.some((f) => f.resourceId === volume)).toBe(false);
    const severityRows = page.getByTestId('chart-severity').locator('table tbody tr td');
    await expect
      .poll(async () => (await severityRows.allTextContents()).map(Number))
      .toEqual(SEVERITIES.map((s) => merged.filter((f) => f.severity === s).length));
    // The score card shows the merged score, not the last run's.
    const dashboard = (await pageApi(page, 'GET', '/api/dashboard')).json as {
      results: { score: { score: number } };
    };
    expect(digits(await page.getByTestId('dash-score').textContent())).toBe(dashboard.results.score.score);
    expect(await sources.textContent()).toContain(text.dashboard.runColumn);
    expect(suite.session.pageErrors).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  it('serves the API docs: Swagger UI lists the operations; the document is valid OpenAPI 3', async () => {
    await page.goto(`${server.baseUrl}/api/docs`);
    const path = (p: string) => page.locator('.opblock-summary-path', { hasText: new RegExp(`^${p}$`) });
    await expect.poll(() => path('/api/collections').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await path('/api/dashboard').count()).toBe(1);

    const doc = (await pageApi(page, 'GET', '/api/docs/json')).json as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/collections', '/api/dashboard']));
  });
});
