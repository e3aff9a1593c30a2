/**
 * Search across every resource and tag of the latest collections, and a resource's findings on its
 * page (open, muted, passed, savings), in Korean and English, at desktop width and on a phone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/registry.js';
import type { Finding } from '../../src/core/findings.js';
import { LocalStorage } from '../../src/storage/local.js';
import type { RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  pageApi,
  submitRegisterForm,
} from '../support/browser-session.js';
import { writeSyntheticCollection } from '../support/synthetic-collection.js';
import { writeSyntheticRun } from '../support/synthetic-run.js';

const COLLECTION_ID = '20250101T000000Z-0badcafe';
/** Instance 0 of the synthetic collection: ap-northeast-2, the only one tagged Team=Payments. */
const INSTANCE = `i-${'0'.repeat(17)}`;
const REGION = 'ap-northeast-2';

const check = (id: string) => {
  const found = allChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};
const FAILING = check('ec2-instance-imdsv2-required');
const COSTLY = check('ec2-instance-not-idle');
const PASSING = check('ec2-instance-detailed-monitoring');
const TO_MUTE = check('ec2-instance-termination-protection');

function finding(c: ReturnType<typeof check>, status: Finding['status'], savings?: number): Finding {
  return {
    checkId: c.id,
    service: c.service,
    category: c.category,
    severity: c.severity,
    status,
    region: REGION,
    resourceId: INSTANCE,
    message: { ko: `${c.id} 점검 메시지`, en: `${c.id} message` },
    ...(savings === undefined ? {} : { estimatedMonthlySavingsUsd: savings }),
  };
}

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

async function documentOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
}

describe.each(LANGUAGES)('resource search and findings in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const user = `search-${lang}`;
  const r = text.resources;
  browserPerSuite({ locale, name: `resource-search-${lang}`, bodyTextOnFailure: true }, async (opened) => {
    page = opened.page;
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: user,
      password: `search ${lang} pw`,
    });
    await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
    // Written straight to storage like an older collection: it has no search index yet, so the
    // first search builds it.
    const storage = new LocalStorage(join(server.dataDir, 'data'));
    await writeSyntheticCollection(storage, user, { id: COLLECTION_ID, count: 60 });
    await writeSyntheticRun(storage, user, [
      finding(FAILING, 'fail'),
      finding(COSTLY, 'fail', 12.5),
      finding(PASSING, 'pass'),
      finding(TO_MUTE, 'fail'),
    ]);
    const mute = await pageApi(page, 'POST', '/api/advisor/mutes', {
      checkId: TO_MUTE.id,
      resourceId: INSTANCE,
      reason: 'blue-green pair',
    });
    expect(mute.status).toBe(201);
  });

  it('finds a resource by tag from the Resources page, with the query in the address', async () => {
    await page.goto(`${server.baseUrl}/resources`);
    // Waited for with Playwright's action timeout: on a loaded machine the first load takes seconds.
    await page.getByRole('heading', { level: 1, name: text.pages.resources.title }).waitFor();
    const box = page.getByLabel(r.search.label);
    await box.fill('Team=Payments');
    await box.press('Enter');
    await page.waitForURL(/\/resources\/search\?q=Team%3DPayments$/);
    await page.getByRole('heading', { level: 1, name: r.search.title }).waitFor();
    const count = page.getByTestId('search-count');
    await expect
      .poll(() => count.textContent())
      .toBe(fillTemplate(r.search.results_one, { formattedCount: '1' }));
    const results = page.getByTestId('search-result');
    expect(await results.count()).toBe(1);
    expect(await results.first().textContent()).toContain('Team=Payments');

    // Several words all match: kind and region narrow "layout" (every instance's name) down.
    await box.fill(`layout ${REGION}`);
    await box.press('Enter');
    await expect
      .poll(() => count.textContent())
      .toBe(fillTemplate(r.search.results_other, { formattedCount: '30' }));
    await box.fill('no-such-thing');
    await box.press('Enter');
    await expect.poll(() => count.textContent()).toBe(fillTemplate(r.search.none, { q: 'no-such-thing' }));
    // Back returns to the earlier search.
    await page.goBack();
    await expect
      .poll(() => count.textContent())
      .toBe(fillTemplate(r.search.results_other, { formattedCount: '30' }));
  });

  it('opens the resource page from a result by keyboard and lists its findings and savings', async () => {
    await page.goto(`${server.baseUrl}/resources/search?q=${INSTANCE}`);
    const link = page.getByRole('link', { name: INSTANCE, exact: true });
    await link.focus();
    await link.press('Enter');
    await page.waitForURL(/\/r\/ec2\.instances\//);
    const section = page.getByRole('region', { name: r.findings.title });
    const summary = section.getByTestId('resource-findings-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      fillTemplate(r.findings.summary, { open: '2', muted: '1', passed: '1' }),
    );
    // The open findings' savings, in the language's money format.
    expect(await summary.textContent()).toContain('12.50');
    const open = section.getByTestId('resource-findings-open');
    expect(await open.textContent()).toContain(FAILING.failureLabel[lang]);
    expect(await open.textContent()).toContain(COSTLY.failureLabel[lang]);
    // Folded lists open with the keyboard (native details/summary).
    const muted = section.getByTestId('resource-findings-muted');
    const mutedSummary = muted.locator('summary');
    await mutedSummary.focus();
    await mutedSummary.press('Enter');
    await expect.poll(() => muted.getAttribute('open')).not.toBeNull();
    expect(await muted.textContent()).toContain('blue-green pair');
    // The rule was made without a scope: it covers every account, and the page says so.
    expect(await muted.getByTestId('muted-scope').textContent()).toBe(text.advisor.results.mutedForAll);
    expect(await section.getByTestId('resource-findings-passed').textContent()).toContain(
      fillTemplate(r.findings.passed, { count: '1' }),
    );
  });

  it('shows open findings per resource in the inventory table', async () => {
    await page.goto(`${server.baseUrl}/resources/collections/${COLLECTION_ID}?service=ec2`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: INSTANCE, exact: true }) });
    const badge = row.getByTestId('finding-count');
    await badge.waitFor();
    expect(await badge.getAttribute('data-severity')).toBe(FAILING.severity);
    expect(await badge.textContent()).toContain(text.advisor.severities[FAILING.severity]);
    expect(await badge.textContent()).toContain('2');
    const other = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `i-${'0'.repeat(16)}1`, exact: true }) });
    expect(await other.getByText(r.findings.none, { exact: true }).count()).toBe(1);
  });

  it('search and resource pages fit a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/resources/search?q=layout`);
    await page.getByTestId('search-result').first().waitFor();
    expect(await documentOverflow(page)).toBe(0);
    await page.goto(
      `${server.baseUrl}/resources/collections/${COLLECTION_ID}/r/ec2.instances/${INSTANCE}?region=${REGION}`,
    );
    await page.getByTestId('resource-findings-open').waitFor();
    expect(await documentOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
