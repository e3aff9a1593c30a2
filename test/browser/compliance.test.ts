/**
 * The advisor's Compliance tab in Korean and English: two stored runs of one account, a framework
 * and a run picked from the page, controls with their status, checks and failing resources, the
 * manual controls, and the trend (table and line chart).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cisV5 } from '../../src/compliance/frameworks/cis-v5.js';
import { ismsp2023 } from '../../src/compliance/frameworks/ismsp-2023.js';
import { LocalStorage } from '../../src/storage/local.js';
import { NEWER_RUN, OLDER_RUN } from '../compliance/fixtures.js';
import { expectNoSeriousA11yViolations, type RunningConsole, saveScreenshot } from '../support/browser.js';
import { browserPerSuite, consolePerFile, LANGUAGES, signUp } from '../support/browser-session.js';
import { writeSyntheticRun } from '../support/synthetic-run.js';

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

describe.each(LANGUAGES)('compliance page in $locale', ({ locale, lang, text }) => {
  let page: Page;
  let olderRun: string;
  const user = `compliance-${lang}`;
  const c = text.compliance;
  const row = (id: string) => page.locator(`[data-testid=compliance-control][data-control="${id}"]`);

  browserPerSuite({ locale, name: `compliance-${lang}` }, async (opened) => {
    page = opened.page;
    await signUp(page, { baseUrl: server.baseUrl, text, username: user, password: `compliance ${lang} pw` });
    const storage = new LocalStorage(join(server.dataDir, 'data'));
    olderRun = await writeSyntheticRun(storage, user, OLDER_RUN, new Date('2025-01-01T00:00:00Z'));
    await writeSyntheticRun(storage, user, NEWER_RUN, new Date('2025-01-08T00:00:00Z'));
  });

  it('opens from the advisor tabs on the newest run, CIS by default, with the share and the trend', async () => {
    await page.goto(`${server.baseUrl}/advisor`);
    await page
      .getByRole('navigation', { name: text.advisor.tabs.label })
      .getByRole('link', { name: c.tab })
      .click();
    await page.waitForURL(/\/advisor\/compliance/);
    await page.getByTestId('compliance-view').waitFor();
    expect(await page.getByTestId('compliance-view').getAttribute('data-framework')).toBe('cis');
    await expect.poll(() => row('5.7').getAttribute('data-status')).toBe('pass');
    expect(await page.getByTestId('compliance-share').textContent()).toMatch(/%/);
    // Oldest first; the second run is the one shown.
    const trend = page.getByTestId('compliance-trend').locator('tbody tr');
    expect(await trend.count()).toBe(2);
    expect(await trend.nth(1).getAttribute('aria-current')).toBe('true');
    // The same shares drawn as a line: the canvas is named by its title, its figures sit in a hidden table.
    const chart = page.getByTestId('compliance-trend-chart');
    // Chart.js arrives in its own chunk: wait for the canvas rather than count it at once.
    await expect.poll(() => chart.getByRole('img', { name: c.trend.chart }).count()).toBe(1);
    const shares = await trend.evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent ?? ''));
    const drawn = await chart.locator('table td').allTextContents();
    expect(drawn).toEqual(shares.map((s) => s.replace(/\s*%/, '')));
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'compliance', lang, { fullPage: false });
  });

  it('shows an older run: failing controls with their checks and resources, and the manual controls', async () => {
    await page.getByLabel(c.run, { exact: true }).selectOption(olderRun);
    await expect.poll(() => row('5.7').getAttribute('data-status')).toBe('fail');
    const control = row('5.7');
    const title = cisV5.controls.find((x) => x.id === '5.7')?.title[lang] ?? '';
    expect(await control.textContent()).toContain(title);
    expect(await control.textContent()).toContain(c.statuses.fail);
    expect(await control.getByTestId('failed-resources').textContent()).toContain('i-legacy-name');
    expect(await control.textContent()).toContain(
      lang === 'ko' ? 'EC2 인스턴스가 IMDSv2를 강제함' : 'EC2 instances require IMDSv2',
    );
    const manual = page.getByTestId('manual-controls').locator('[data-control="1.1"]');
    expect(await manual.textContent()).toContain(
      cisV5.controls.find((x) => x.id === '1.1')?.title[lang] ?? '?',
    );
    expect(await page.getByRole('heading', { name: c.manual.title }).count()).toBe(1);
  });

  it('switches to ISMS-P, whose titles lead in Korean in both languages', async () => {
    await page.getByLabel(c.framework, { exact: true }).selectOption('ismsp');
    await expect.poll(() => page.getByTestId('compliance-view').getAttribute('data-framework')).toBe('ismsp');
    await expect.poll(() => row('2.6.2').getAttribute('data-status')).toBe('fail');
    const control = ismsp2023.controls.find((x) => x.id === '2.6.2');
    const shown = (await row('2.6.2').locator('td').first().textContent()) ?? '';
    expect(shown.startsWith(control?.title.ko ?? '?')).toBe(true);
    if (lang === 'en') expect(shown).toContain(control?.title.en ?? '?');
    expect(page.url()).toContain('framework=ismsp');
    const links = page.getByTestId('compliance-downloads').getByRole('link');
    expect(await links.count()).toBe(3);
    const csv = (await links.nth(1).getAttribute('href')) ?? '';
    expect(csv).toContain('/compliance/report?framework=ismsp&format=csv');
    const res = await page.request.get(`${server.baseUrl}${csv}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('framework,controlId,title,status,checkIds,failedResources');
    await expectNoSeriousA11yViolations(page);
  });
});
