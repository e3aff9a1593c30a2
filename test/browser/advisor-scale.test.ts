/**
 * The advisor results page at 20,000 findings in a real browser: first render, filter, sort,
 * expand and the flat view, each timed (BENCHMARKS.md keeps the figures). Only one page of
 * findings is ever in the DOM.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local.js';
import { en } from '../../src/web/i18n/en.js';
import { type BrowserSession, openBrowser, type RunningConsole, startConsole } from '../support/browser.js';
import { submitRegisterForm } from '../support/browser-session.js';
import { syntheticFindings, writeSyntheticRun } from '../support/synthetic-run.js';

const FINDINGS = 20_000;
const USER = 'advisor-scale';

let server: RunningConsole;
let browser: BrowserSession;
let page: Page;
let runId: string;
const findings = syntheticFindings(FINDINGS);
const open = findings.filter((f) => f.status === 'fail');
const openChecks = new Set(open.map((f) => f.checkId));

/** The page's DOM as the in-page functions below use it (the test project has no DOM types). */
declare const document: {
  querySelector(
    selector: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
};

/**
 * Milliseconds, by the page's clock, from just before `act` until `done` holds in the page
 * (checked every animation frame, so the figure is not rounded up to a polling interval).
 */
async function timed<A extends string | number | string[]>(
  act: () => Promise<unknown>,
  done: (arg: A) => boolean,
  arg: A,
): Promise<number> {
  await page.evaluate(() => {
    (globalThis as unknown as { t0: number }).t0 = performance.now();
  });
  await act();
  await page.waitForFunction(done as (arg: unknown) => boolean, arg, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => performance.now() - (globalThis as unknown as { t0: number }).t0);
}

/** In the page: the grouped table shows `rows` rows. */
const groupRowsAre = (rows: number) =>
  document.querySelectorAll('[data-testid=finding-group]').length === rows;
/** In the page: the matched-findings badge says `count`. */
const matchedIs = (count: number) =>
  document.querySelector('[data-testid=matched-count]')?.getAttribute('data-count') === String(count);

beforeAll(async () => {
  server = await startConsole();
  browser = await openBrowser('en-US');
  page = browser.page;
  await submitRegisterForm(page, {
    baseUrl: server.baseUrl,
    text: en,
    username: USER,
    password: 'scale test password',
  });
  await page.getByRole('heading', { level: 1, name: en.pages.dashboard.title }).waitFor();
  runId = await writeSyntheticRun(new LocalStorage(join(server.dataDir, 'data')), USER, findings);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  console.error('page errors:', browser.pageErrors, '\nbody text:', await page.locator('body').textContent());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the advisor results at ${FINDINGS.toLocaleString('en')} findings`, () => {
  const groupRows = () => page.getByTestId('finding-group');
  const matched = () => page.getByTestId('matched-count').getAttribute('data-count');
  const tabs = () => page.getByRole('navigation', { name: en.advisor.tabs.label });

  it('renders, filters, sorts, expands and pages with one page of findings in the DOM', async () => {
    // Opening the address: the page's clock starts at navigation (bundle, API, parse, render).
    await page.goto(`${server.baseUrl}/advisor?run=${runId}`);
    await page.waitForFunction(groupRowsAre, openChecks.size, { polling: 'raf', timeout: 30_000 });
    const load = await page.evaluate(() => performance.now());
    expect(await matched()).toBe(String(open.length));

    // First render inside the app (bundle loaded): from the History tab back to the results.
    await tabs().getByRole('link', { name: en.advisor.tabs.history }).click();
    await page.getByTestId('history-table').waitFor();
    const render = await timed(
      () => tabs().getByRole('link', { name: en.advisor.tabs.results }).click(),
      groupRowsAre,
      openChecks.size,
    );

    const high = open.filter((f) => f.severity === 'high');
    const filter = await timed(
      () => page.getByLabel(en.advisor.filters.severity, { exact: true }).selectOption('high'),
      matchedIs,
      high.length,
    );
    expect(page.url()).toContain('severity=high');
    expect(await groupRows().count()).toBe(new Set(high.map((f) => f.checkId)).size);

    // Sorted by savings: the check with the most savings first.
    const savingsByCheck: Record<string, number> = {};
    for (const f of open)
      savingsByCheck[f.checkId] = (savingsByCheck[f.checkId] ?? 0) + (f.estimatedMonthlySavingsUsd ?? 0);
    const top = Object.entries(savingsByCheck).filter(
      ([, v]) => v === Math.max(...Object.values(savingsByCheck)),
    );
    await page.getByLabel(en.advisor.filters.severity, { exact: true }).selectOption('');
    await expect.poll(matched).toBe(String(open.length));
    const sort = await timed(
      () => page.getByLabel(en.advisor.filters.sort, { exact: true }).selectOption('savings'),
      (checks: string[]) =>
        checks.includes(
          document.querySelector('[data-testid=finding-group]')?.getAttribute('data-check') ?? '',
        ),
      top.map(([check]) => check),
    );

    const expand = await timed(
      () => groupRows().first().getByRole('button').click(),
      (n: number) => document.querySelectorAll('[data-testid=finding]').length === n,
      20,
    );

    const flat = await timed(
      () => page.getByRole('button', { name: en.advisor.table.view.flat }).click(),
      (text: string) => document.querySelector('[data-testid=finding-range]')?.textContent === text,
      `1–50 of ${open.length.toLocaleString('en')}`,
    );
    expect(await page.locator('[data-testid=finding]').count()).toBe(50); // one page in the DOM

    const timings = { load, render, filter, sort, expand, flat };
    console.info(
      `advisor results at ${FINDINGS} findings (ms):`,
      JSON.stringify(timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
    );
    // Speed is a benchmark figure (`npm run bench:ui`, BENCHMARKS.md), not an assertion: wall times
    // on a shared machine say nothing about correctness. Opening the address includes the server's
    // first parse of the 20,000 findings (once per process).
    expect(browser.pageErrors).toEqual([]);
  });
});
