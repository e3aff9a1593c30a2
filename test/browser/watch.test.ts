/**
 * Settings → Schedules and Settings → Notifications in the browser, in Korean and English: create a
 * schedule from a preset (with its next-runs preview), a signed webhook channel with "send a test"
 * against a local receiver, and a rule; the delivery shows in the history.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpReceiver, startHttpReceiver } from '../notify/receivers.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  submitRegisterForm,
} from '../support/browser-session.js';

let server: RunningConsole;
let receiver: HttpReceiver;

consolePerFile(undefined, (started) => {
  server = started;
});
beforeAll(async () => {
  receiver = await startHttpReceiver();
});
afterAll(async () => receiver?.close());

describe.each(LANGUAGES)('schedules and notifications in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const w = text.settings.watch;
  browserPerSuite({ locale, name: `watch-${lang}`, timezoneId: 'Asia/Seoul' }, (opened) => {
    page = opened.page;
  });

  it('creates a weekly schedule after previewing its next runs', async () => {
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: `watch-${lang}`,
      password: `watch ${lang} password 1`,
    });
    await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
    await connectEmulatorUser(page, `watch-user-${lang}`);
    await page.getByRole('link', { name: text.nav.settings }).click();
    await page.getByRole('link', { name: w.tabs.schedules, exact: true }).click();
    await page.waitForURL('**/settings/schedules');
    await page.getByRole('heading', { name: w.schedules.title, exact: true }).waitFor();
    await expect.poll(() => page.getByText(w.schedules.empty).count()).toBe(1);

    // A Korean browser schedules in Korea's time.
    expect(await page.getByLabel(w.schedules.timeZone, { exact: true }).inputValue()).toBe('Asia/Seoul');
    await page.getByLabel(w.schedules.preset, { exact: true }).selectOption('weekly');
    expect(await page.getByLabel(w.schedules.cron, { exact: true }).inputValue()).toBe('0 9 * * 1');
    await expect.poll(() => page.getByTestId('schedule-preview').locator('li').count()).toBe(5);
    await page.getByLabel(w.schedules.name, { exact: true }).fill(`weekly ${lang}`);
    await page.getByRole('button', { name: w.schedules.add }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(w.schedules.created, { name: `weekly ${lang}` }) })
          .count(),
      )
      .toBe(1);
    const row = page.locator('table tbody tr', { hasText: `weekly ${lang}` });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(w.schedules.active);
    await row.getByRole('button', { name: w.schedules.pause }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(w.schedules.paused);
    await expectNoSeriousA11yViolations(page);
  });

  it('adds a signed webhook channel, sends a test with the result shown, and adds a rule', async () => {
    await page.getByRole('link', { name: w.tabs.notifications, exact: true }).click();
    await page.waitForURL('**/settings/notifications');
    await page.getByRole('heading', { name: w.channels.title, exact: true }).waitFor();
    await page.getByLabel(w.channels.kind, { exact: true }).selectOption('webhook');
    await page.getByLabel(w.channels.name, { exact: true }).fill(`hook ${lang}`);
    await page.getByLabel(w.channels.url, { exact: true }).fill(receiver.url(`/hook-${lang}`));
    const signingKey = `signing-key-${lang}-0123456789`;
    await page.getByLabel(w.channels.signingSecret, { exact: true }).fill(signingKey);
    await page.getByRole('button', { name: w.channels.add }).click();
    const channelRow = page.locator('table tbody tr', { hasText: `hook ${lang}` });
    await expect.poll(() => channelRow.count()).toBe(1);
    expect(await page.content()).not.toContain(signingKey);
    expect(await page.content()).not.toContain(`/hook-${lang}`);

    const before = receiver.requests.length;
    await channelRow.getByRole('button', { name: w.channels.test }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(w.channels.testDelivered, { name: `hook ${lang}` }) })
          .count(),
      )
      .toBe(1);
    expect(receiver.requests.length).toBe(before + 1);
    expect(JSON.parse(receiver.requests.at(-1)?.body ?? '{}')).toMatchObject({ event: 'test', lang });

    await page.getByLabel(w.rules.name, { exact: true }).fill(`serious ${lang}`);
    await page.getByLabel(`hook ${lang}`, { exact: true }).check();
    await page.getByLabel(w.rules.minSeverity, { exact: true }).selectOption('high');
    await page.getByRole('button', { name: w.rules.add }).click();
    const ruleRow = page.locator('table tbody tr', { hasText: `serious ${lang}` });
    await expect.poll(() => ruleRow.count()).toBe(1);
    expect(await ruleRow.textContent()).toContain(w.severities.high);

    const history = page.locator('section[aria-labelledby="deliveries-title"] tbody tr');
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.textContent()).toContain(w.deliveries.statuses.delivered);
    await expectNoSeriousA11yViolations(page);
  });
});
