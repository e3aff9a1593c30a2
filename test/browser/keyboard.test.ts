/**
 * Keyboard only, in Korean and English: sign in, move through the navigation, start a collection,
 * sort and open resources, run the advisor, open a finding, mute it and unmute it — with Tab,
 * Shift+Tab, Enter, Space, Escape and arrow keys, never a click. Every step asserts where focus is
 * and that the focused element can be seen (a focus ring, inside the viewport).
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../src/core/services.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectKeys,
  consolePerFile,
  createEmulatorKeys,
  LANGUAGES,
  pageApi,
} from '../support/browser-session.js';
import { expectFocus, expectVisibleFocus, isFocused, press, tabTo } from '../support/keyboard.js';
import { motoClientConfig } from '../support/moto.js';

const REGION = 'us-east-1';
const BUCKET = 'kbd-plain-bucket';

let server: RunningConsole;

/**
 * One unencrypted bucket: enough for a collection, a table row and a failing finding. Also asks the
 * emulator for its regions once: its first DescribeRegions builds every region's EC2 backend, which
 * took 8.5 s on a loaded CI machine, past the form's 10 s budget, so the first suite got the
 * built-in list instead of the account's.
 */
async function seedBucket(): Promise<void> {
  const s3 = new S3Client(motoClientConfig(REGION));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  s3.destroy();
  const ec2 = new EC2Client(motoClientConfig(REGION));
  await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  ec2.destroy();
}

consolePerFile(seedBucket, (started) => {
  server = started;
});

/** Account and AWS connection through the API, signed out again: the forms are tested elsewhere. */
async function registerAndConnect(page: Page, username: string, password: string): Promise<void> {
  const keys = await createEmulatorKeys(username, REGION);
  const post = async (path: string, body: unknown) => (await pageApi(page, 'POST', path, body)).status;
  expect(await post('/api/auth/register', { username, password })).toBe(201);
  expect(await post('/api/auth/login', { username, password })).toBe(200);
  await connectKeys(page, keys);
  expect(await post('/api/auth/logout', {})).toBe(204);
}

describe.each(LANGUAGES)('Keyboard-only use in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const username = `kbd-${lang}`;
  const password = `keyboard ${lang} password`;
  const r = text.resources;
  const a = text.advisor;
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const navLink = (name: string) =>
    page.getByRole('navigation', { name: text.app.mainNavigation }).getByRole('link', { name, exact: true });
  const finding = () =>
    page.locator(
      `[data-testid=finding][data-check="s3-bucket-default-encryption"][data-resource="${BUCKET}"]`,
    );

  const suite = browserPerSuite(
    { locale, name: `keyboard-${lang}`, actionTimeoutMs: 30_000 },
    async (opened) => {
      page = opened.page;
      await page.goto(`${server.baseUrl}/signin`);
      await registerAndConnect(page, username, password);
    },
  );

  it('signs in: the skip link is the first Tab stop, then the form, and focus lands on the dashboard heading', async () => {
    await page.goto(`${server.baseUrl}/signin`);
    await h1(text.auth.signIn.title).waitFor();
    await press(page, 'Tab');
    await expectFocus(page.getByRole('link', { name: text.app.skipToContent }));
    await expectVisibleFocus(page);
    await press(page, 'Enter');
    await expectFocus(page.getByRole('main'));
    await press(page, 'Tab');
    await expectFocus(page.getByRole('textbox', { name: text.auth.username, exact: true }));
    await expectVisibleFocus(page);
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.type(username);
    await press(page, 'Tab');
    await expectFocus(page.getByLabel(text.auth.password, { exact: true }));
    await page.keyboard.type(password);
    await press(page, 'Enter');
    await page.waitForURL(`${server.baseUrl}/`);
    await expectFocus(h1(text.pages.dashboard.title));
    await expectVisibleFocus(page, { ring: false });
  });

  it('moves through the main navigation; the account menu opens with Enter and closes with Escape', async () => {
    // A fresh load of a page that redirects on arrival (/settings → /settings/aws): no one moved,
    // so focus is left alone and the skip link is still the first stop.
    await page.goto(`${server.baseUrl}/settings`);
    await page.waitForURL(/\/settings\/aws$/);
    await h1(text.settings.title).waitFor();
    await press(page, 'Tab');
    await expectFocus(page.getByRole('link', { name: text.app.skipToContent }));
    await tabTo(page, navLink(text.nav.advisor));
    await tabTo(page, navLink(text.nav.settings));
    const menu = page.getByRole('button', { name: text.userMenu.label.replace('{{username}}', username) });
    await tabTo(page, menu);
    await press(page, 'Enter');
    await press(page, 'ArrowDown');
    await expectFocus(page.getByRole('link', { name: text.userMenu.changePassword }));
    await expectVisibleFocus(page);
    await press(page, 'Escape');
    await expectFocus(menu);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await tabTo(page, navLink(text.nav.resources), 'Shift+Tab');
    await press(page, 'Enter');
    await page.waitForURL(/\/resources$/);
    await expectFocus(h1(text.pages.resources.title));
    expect(await navLink(text.nav.resources).getAttribute('aria-current')).toBe('page');
  });

  it('starts a collection of two services in one region and reaches its done state', async () => {
    await tabTo(page, page.getByRole('link', { name: r.history.start }));
    await press(page, 'Enter');
    await page.waitForURL(/\/resources\/new$/);
    await expectFocus(h1(r.start.title));
    // Keep S3 and IAM (two service tabs, IAM with several resource kinds): Space clears every other
    // service the catalogue declares.
    for (const service of SERVICE_IDS.filter((s) => s !== 's3' && s !== 'iam')) {
      const box = page.getByRole('checkbox', { name: r.services[service], exact: true });
      await tabTo(page, box);
      await press(page, 'Space');
      expect(await box.isChecked()).toBe(false);
    }
    expect(await page.getByRole('checkbox', { name: r.services.s3, exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: r.services.iam, exact: true }).isChecked()).toBe(true);
    // The region picker: the home region is proposed; Clear, then find it by typing and tick it.
    const picker = page.getByRole('group', { name: text.regionPicker.legend, exact: true });
    const home = picker.getByRole('checkbox', { name: new RegExp(`^${REGION} `) });
    await home.waitFor(); // the account's regions load behind a spinner, as a sighted user sees
    expect(await home.isChecked()).toBe(true);
    await tabTo(page, picker.getByRole('button', { name: text.regionPicker.clear }));
    await press(page, 'Enter');
    await expect.poll(() => home.isChecked()).toBe(false);
    await tabTo(page, picker.getByRole('searchbox', { name: text.regionPicker.filter }), 'Shift+Tab');
    await page.keyboard.type(REGION);
    await expect.poll(() => picker.getByRole('checkbox').count()).toBe(1);
    await tabTo(page, home);
    await press(page, 'Space');
    expect(await home.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: r.start.submit }));
    await press(page, 'Enter');
    await page.waitForURL(/\/resources\/collections\//);
    await expectFocus(h1(r.collection.title));
    const badge = page.locator('[data-status]').first();
    await expect
      .poll(() => badge.getAttribute('data-status'), { timeout: 90_000, interval: 500 })
      .toBe('completed');
    // Focus was not dropped to the document when the progress panel went away.
    expect(await page.evaluate<boolean>('document.activeElement !== document.body')).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('service and kind tabs follow the tablist pattern: one Tab stop, arrows, Home and End select', async () => {
    const services = page.getByRole('tablist', { name: r.collection.serviceTabs });
    const serviceTab = (name: string) => services.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
    const s3 = serviceTab(r.services.s3);
    const iam = serviceTab(r.services.iam);
    const selectedPanel = async () => {
      const tab = services.getByRole('tab', { selected: true });
      const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
      expect(await panel.getAttribute('role')).toBe('tabpanel');
      return panel.getAttribute('aria-labelledby');
    };
    await tabTo(page, s3);
    expect(await s3.getAttribute('aria-selected')).toBe('true');
    expect(await iam.getAttribute('tabindex')).toBe('-1');
    // Only the selected tab is a Tab stop: the next one is past the tab list.
    await press(page, 'Tab');
    expect(await services.locator(':focus').count()).toBe(0);
    await press(page, 'Shift+Tab');
    await expectFocus(s3);

    await press(page, 'ArrowRight');
    await expectFocus(iam);
    await expectVisibleFocus(page);
    await expect.poll(() => iam.getAttribute('aria-selected')).toBe('true');
    expect(await s3.getAttribute('aria-selected')).toBe('false');
    await page.waitForURL(/service=iam/);
    expect(await selectedPanel()).toBe(await iam.getAttribute('id'));
    await press(page, 'ArrowRight'); // wraps round
    await expectFocus(s3);
    await press(page, 'End');
    await expectFocus(iam);
    await press(page, 'Home');
    await expectFocus(s3);
    await press(page, 'ArrowLeft');
    await expectFocus(iam);
    await expect.poll(() => iam.getAttribute('aria-selected')).toBe('true');

    const kinds = page.getByRole('tablist', { name: r.collection.collectorTabs });
    const kindTabs = kinds.getByRole('tab');
    await kinds.waitFor();
    expect(await kindTabs.count()).toBeGreaterThan(2);
    await tabTo(page, kinds.getByRole('tab', { selected: true }));
    await expectFocus(kindTabs.first());
    expect(await kindTabs.nth(1).getAttribute('tabindex')).toBe('-1');
    await press(page, 'End');
    await expectFocus(kindTabs.last());
    await expect.poll(() => kindTabs.last().getAttribute('aria-selected')).toBe('true');
    expect(await kindTabs.first().getAttribute('aria-selected')).toBe('false');
    await press(page, 'Home');
    await press(page, 'ArrowRight');
    await expectFocus(kindTabs.nth(1));
    await expect.poll(() => kindTabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.waitForURL(/kind=iam\./);
    await expectVisibleFocus(page);
    await expectNoSeriousA11yViolations(page);

    // Back to S3 for the next test, by keyboard too.
    await tabTo(page, iam, 'Shift+Tab');
    await press(page, 'Home');
    await expectFocus(s3);
    await expect.poll(() => s3.getAttribute('aria-selected')).toBe('true');
    // The S3 panel has loaded (the next test tabs into its table, which replaces its spinner).
    await page.getByRole('link', { name: BUCKET, exact: true }).waitFor();
  });

  it('sorts the resource table from its header and opens a row, by keyboard', async () => {
    const sortById = page.getByRole('button', { name: r.table.sortBy.replace('{{column}}', r.columns.id) });
    const header = page.getByRole('columnheader').filter({ has: sortById });
    await tabTo(page, sortById);
    await expectVisibleFocus(page);
    await press(page, 'Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await expectFocus(sortById);
    await press(page, 'Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expectFocus(sortById);

    await tabTo(page, page.getByRole('link', { name: BUCKET, exact: true }));
    await expectVisibleFocus(page);
    await press(page, 'Enter');
    await page.waitForURL(/\/r\/s3\./);
    await expect.poll(() => isFocused(page.getByRole('heading', { level: 1 }))).toBe(true);
  });

  it('runs the advisor on that collection and reaches the results', async () => {
    await tabTo(page, navLink(text.nav.advisor), 'Shift+Tab');
    await press(page, 'Enter');
    await page.waitForURL(/\/advisor$/);
    await expectFocus(h1(text.pages.advisor.title));
    // No run yet: the empty results point to the new-run tab.
    await tabTo(page, page.getByRole('main').getByRole('link', { name: a.start.title }));
    await press(page, 'Enter');
    await page.waitForURL(/\/advisor\/new$/);
    // The URL changes before React has rendered the new tab and moved focus to the page heading: a
    // Tab pressed in between starts from the removed link and leaves the page.
    await expectFocus(h1(text.pages.advisor.title));
    // Keep S3 only (the bucket's finding is the one this file follows).
    for (const service of SERVICE_IDS.filter((s) => s !== 's3')) {
      await tabTo(page, page.getByRole('checkbox', { name: a.services[service], exact: true }));
      await press(page, 'Space');
    }
    await tabTo(page, page.getByRole('radio', { name: a.start.sourceCollect }));
    // Arrow keys move within a radio group and select as they go.
    await press(page, 'ArrowRight');
    const reuse = page.getByRole('radio', { name: a.start.sourceReuse });
    await expectFocus(reuse);
    expect(await reuse.isChecked()).toBe(true);
    const collection = page.getByRole('combobox', { name: a.start.collection });
    await tabTo(page, collection);
    await press(page, 'ArrowDown');
    await expect.poll(() => collection.inputValue()).not.toBe('');
    await tabTo(page, page.getByRole('button', { name: a.start.submit }));
    await press(page, 'Enter');
    await page.waitForURL(/\/advisor\?run=/);
    // Focus follows the run it started: its progress, then its results.
    await expect
      .poll(() => isFocused(page.getByRole('heading', { name: a.results.title, exact: true })), {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(true);
    // One row per check: Enter on its name expands it to the affected resources.
    const toggle = page
      .locator('[data-testid=finding-group][data-check="s3-bucket-default-encryption"]')
      .getByRole('button');
    await tabTo(page, toggle);
    await press(page, 'Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => finding().count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it("opens a finding's details, mutes it with a reason inside a focus-trapping dialog, then unmutes", async () => {
    await tabTo(page, finding().locator('summary'));
    await expectVisibleFocus(page);
    await press(page, 'Enter');
    await expect.poll(() => finding().locator('details').getAttribute('open')).not.toBeNull();

    const mute = finding().getByRole('button', { name: new RegExp(`^${a.finding.mute}`) });
    await tabTo(page, mute, 'Shift+Tab');
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: a.mute.title });
    const reason = dialog.getByRole('textbox', { name: a.mute.reason });
    await expectFocus(reason);
    // Tab and Shift+Tab cycle inside the dialog, past both of its ends.
    for (const key of ['Tab', 'Shift+Tab'] as const) {
      for (let i = 0; i < 9; i++) {
        await press(page, key);
        const where = await page.evaluate<string>('document.activeElement?.outerHTML.slice(0, 100) ?? ""');
        const inside = await page.evaluate<boolean>(
          'document.querySelector("[role=dialog]")?.contains(document.activeElement) === true',
        );
        expect(inside, `${key} #${i + 1} stays in the dialog: ${where}`).toBe(true);
        await expectVisibleFocus(page);
      }
    }
    await press(page, 'Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expectFocus(mute);

    await press(page, 'Enter');
    await expectFocus(reason);
    await page.keyboard.type('kept public on purpose');
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, dialog.getByRole('button', { name: a.mute.submit, exact: true }));
    await press(page, 'Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    // The muted finding leaves the open list: focus goes to the notice saying so.
    await expect.poll(() => finding().count()).toBe(0);
    await expectFocus(page.getByRole('status').filter({ hasText: a.finding.muted }));
    // The muted findings are one filter away; Unmute brings the finding back.
    await tabTo(page, page.getByRole('button', { name: a.table.showMuted_one }));
    await press(page, 'Enter');
    await page.waitForURL(/status=muted/);
    await expectFocus(page.getByRole('heading', { name: a.table.title }));
    const toggle = page
      .locator('[data-testid=finding-group][data-check="s3-bucket-default-encryption"]')
      .getByRole('button');
    await tabTo(page, toggle);
    await press(page, 'Enter');
    const unmute = finding().getByRole('button', { name: new RegExp(`^${a.finding.unmute}`) });
    await unmute.waitFor();
    await tabTo(page, unmute);
    await expectVisibleFocus(page);
    await press(page, 'Enter');
    await expect.poll(() => finding().count()).toBe(0);
    await expectFocus(page.getByRole('status').filter({ hasText: a.finding.unmuted }));
  });

  it('switching the advisor tabs keeps focus on the chosen tab, not the page heading above', async () => {
    const tabs = page.getByRole('navigation', { name: a.tabs.label });
    // History is above the focused notice; Settings is the next stop after it, Results before both.
    for (const [name, url, key] of [
      [a.tabs.history, /\/advisor\/history$/, 'Shift+Tab'],
      [a.tabs.settings, /\/advisor\/settings$/, 'Tab'],
      [a.tabs.results, /\/advisor$/, 'Shift+Tab'],
    ] as const) {
      const link = tabs.getByRole('link', { name, exact: true });
      await tabTo(page, link, key);
      await press(page, 'Enter');
      await page.waitForURL(url);
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      // Give a late focus move (the page heading) the chance to happen before asserting it did not.
      await page.waitForTimeout(300);
      await expectFocus(link);
      await expectVisibleFocus(page);
      expect(await isFocused(h1(text.pages.advisor.title))).toBe(false);
    }
    await expectNoSeriousA11yViolations(page);
  });

  it('a confirmation dialog keeps Tab inside, Escape returns focus to Delete; deleting moves focus on', async () => {
    await tabTo(page, navLink(text.nav.resources), 'Shift+Tab');
    await press(page, 'Enter');
    await expectFocus(h1(text.pages.resources.title));
    const remove = page.getByRole('button', { name: r.history.delete, exact: true });
    // The history list arrives after the heading (its own request): Tab only once it is there.
    await remove.first().waitFor();
    await tabTo(page, remove);
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: r.history.deleteTitle });
    await expectFocus(dialog.getByRole('button', { name: text.common.cancel }));
    // Three buttons: five presses each way go round both ends.
    for (const key of ['Tab', 'Shift+Tab'] as const) {
      for (let i = 0; i < 5; i++) {
        await press(page, key);
        expect(await dialog.locator(':focus').count(), `${key} #${i + 1} stays in the dialog`).toBe(1);
        await expectVisibleFocus(page);
      }
    }
    await press(page, 'Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expectFocus(remove);

    await press(page, 'Enter');
    await tabTo(page, dialog.getByRole('button', { name: r.history.delete, exact: true }));
    await press(page, 'Enter');
    await expect.poll(() => remove.count()).toBe(0);
    // The only collection is gone: the page shows its empty state, and focus its heading.
    await expectFocus(h1(text.pages.resources.title));
    await expectNoSeriousA11yViolations(page);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
