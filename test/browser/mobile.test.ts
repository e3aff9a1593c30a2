/**
 * The main pages at 390 × 844 (a phone), in Korean and English, with a collection and an advisor
 * run to show: the document never scrolls sideways and no table reaches past the screen's edge.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local.js';
import { type RunningConsole, saveScreenshot } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  LANGUAGES,
  submitRegisterForm,
} from '../support/browser-session.js';
import { writeSyntheticCollection } from '../support/synthetic-collection.js';
import { syntheticFindings, writeSyntheticRun } from '../support/synthetic-run.js';

const PHONE = { width: 390, height: 844 };
const COLLECTION_ID = '20250101T000000Z-0badcafe';
const FIRST_INSTANCE = 'i-00000000000000000';

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

/** Widths past the screen: the document's scroll width and every table's right edge. */
async function overflow(page: Page): Promise<{ document: number; tables: string[] }> {
  return page.evaluate(`(() => {
    const width = window.innerWidth;
    const tables = [...document.querySelectorAll('table')]
      .filter((t) => t.getBoundingClientRect().right > width + 0.5)
      .map((t) => (t.getAttribute('data-testid') || t.className) + ': ' + Math.round(t.getBoundingClientRect().right));
    return { document: document.documentElement.scrollWidth - width, tables };
  })()`);
}

describe.each(LANGUAGES)('every main page at 390 px in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const user = `mobile-${lang}`;
  browserPerSuite({ locale, name: `mobile-${lang}`, viewport: PHONE }, async (opened) => {
    page = opened.page;
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: user,
      password: `mobile ${lang} password`,
    });
    await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
    const storage = new LocalStorage(join(server.dataDir, 'data'));
    await writeSyntheticCollection(storage, user, { id: COLLECTION_ID, count: 60 });
    await writeSyntheticRun(storage, user, syntheticFindings(600));
  });

  const pages: [name: string, path: string, ready: string][] = [
    ['dashboard', '/', '[data-testid=dash-resources]'],
    ['resources', '/resources', 'main table'],
    ['resources-new', '/resources/new', 'main h1'],
    ['collection', `/resources/collections/${COLLECTION_ID}`, 'main table'],
    ['resource', `/resources/collections/${COLLECTION_ID}/r/ec2.instances/${FIRST_INSTANCE}`, 'main h1'],
    ['advisor', '/advisor', '[data-testid=finding-group]'],
    ['advisor-flat', '/advisor?view=flat', '[data-testid=finding]'],
    // This user has no AWS connection: the tab shows the connect prompt (the form only flashes
    // while the connections load).
    ['advisor-new', '/advisor/new', 'main .alert-info'],
    ['advisor-history', '/advisor/history', '[data-testid=history-table]'],
    ['advisor-settings', '/advisor/settings', 'table'],
    ['settings-aws', '/settings/aws', 'main h1'],
    ['settings-tokens', '/settings/tokens', 'main h1'],
    ['settings-schedules', '/settings/schedules', 'main h1'],
    ['settings-notifications', '/settings/notifications', 'main h1'],
    ['settings-account', '/settings/account', '#currency-title'],
    ['spend', '/spend', 'main h1'],
  ];

  it.each(pages)('%s fits the screen', async (name, path, ready) => {
    await page.goto(`${server.baseUrl}${path}`);
    await page.locator(ready).first().waitFor();
    if (name === 'advisor') {
      // The results come first on a phone, before any form.
      expect(await page.locator('main form').count()).toBe(0);
      await page.getByTestId('finding-group').first().getByRole('button').click();
      await page.locator('[data-testid=finding]').first().waitFor();
    }
    expect(await overflow(page)).toEqual({ document: 0, tables: [] });
    if (name === 'advisor') await saveScreenshot(page, 'advisor-mobile', lang);
  });
});
