/**
 * Settings → Schedules and Settings → Notifications in the browser, in Korean and English: create a
 * schedule from a preset (with its next-runs preview), a signed webhook channel with "send a test"
 * against a local receiver, and a rule; the delivery shows in the history. Then both are edited in
 * place from the keyboard: a refused cron shows its error in the page's language, and the rule gets
 * a check from the searchable picker.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/registry.js';
import { keys } from '../../src/storage/keys.js';
import { type HttpReceiver, startHttpReceiver } from '../notify/receivers.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  signUp,
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
    await signUp(page, {
      baseUrl: server.baseUrl,
      text,
      username: `watch-${lang}`,
      password: `watch ${lang} password 1`,
    });
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

  it('edits a schedule in place from the keyboard, showing a refused cron in the page language', async () => {
    await page.getByRole('link', { name: w.tabs.schedules, exact: true }).click();
    await page.waitForURL('**/settings/schedules');
    const row = page.locator('table tbody tr', { hasText: `weekly ${lang}` });
    await row.getByRole('button', { name: w.schedules.edit }).focus();
    await page.keyboard.press('Enter');
    const title = fillTemplate(w.schedules.editTitle, { name: `weekly ${lang}` });
    await expect.poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(title);
    const cron = page.getByLabel(w.schedules.cron, { exact: true });
    expect(await cron.inputValue()).toBe('0 9 * * 1');
    await cron.fill('* * * * *');
    await page.getByRole('button', { name: w.schedules.save }).click();
    await expect
      .poll(() => page.locator('#schedule-cron-error').textContent())
      .toBe(text.errors.invalid_cron);
    expect(await cron.getAttribute('aria-invalid')).toBe('true');

    await cron.fill('30 8 * * *');
    await cron.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(w.schedules.saved, { name: `weekly ${lang}` }) })
          .count(),
      )
      .toBe(1);
    expect(await row.textContent()).toContain('30 8 * * *');
    // Paused before the edit, still paused after it; the focus is back on the row's Edit button.
    expect(await row.textContent()).toContain(w.schedules.paused);
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.id ?? ""'))
      .toMatch(/^schedule-edit-sch-/);
    await expectNoSeriousA11yViolations(page);
  });

  it('shows the history of scheduled runs: the advisor run each one started, or why it could not start', async () => {
    const row = page.locator('table tbody tr', { hasText: `weekly ${lang}` }).first();
    const historyButton = row.getByRole('button', { name: w.schedules.history, exact: true });
    const historyTitle = fillTemplate(w.schedules.historyTitle, { name: `weekly ${lang}` });
    const scheduleId = (
      (await row.getByRole('button', { name: w.schedules.edit }).getAttribute('id')) ?? ''
    ).replace('schedule-edit-', '');
    expect(scheduleId).toMatch(/^sch-/);
    await historyButton.click();
    expect(await historyButton.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('heading', { name: historyTitle }).waitFor();
    await expect.poll(() => page.getByText(w.schedules.historyEmpty).count()).toBe(1);
    await historyButton.click();

    // Two ticks as the scheduler records them: one started a run, one could not start it.
    const username = `watch-${lang}`;
    const write = async (tick: string, result: Record<string, string>) => {
      const file = join(server.dataDir, 'data', keys.scheduleRun(username, scheduleId, tick));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ tick, claimedAt: tick, catchUp: false, ...result }));
    };
    await write('2026-12-07T00:30:00.000Z', { runId: 'run-from-schedule' });
    await write('2026-12-08T00:30:00.000Z', { error: 'connection not found' });
    await historyButton.click();
    const history = page.locator(`#schedule-history-${scheduleId}`);
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    const [newest, oldest] = [history.locator('tbody tr').nth(0), history.locator('tbody tr').nth(1)];
    expect(await newest.textContent()).toContain(w.schedules.historyFailed);
    expect(await newest.textContent()).toContain('connection not found');
    expect(await oldest.getByRole('link', { name: w.schedules.historyOpen }).getAttribute('href')).toBe(
      '/advisor?run=run-from-schedule',
    );
    // Korean time (the browser's zone): 09:30 on 7 December for the 00:30 UTC tick.
    expect(await oldest.textContent()).toMatch(/09:30/);
    await expectNoSeriousA11yViolations(page);
    await historyButton.click();
    await expect.poll(() => history.count()).toBe(0);
  });

  it('edits a rule in place and adds a check from the searchable picker', async () => {
    const chosen = allChecks.find((c) => c.service === 's3') ?? allChecks[0];
    if (!chosen) throw new Error('no checks');
    await page.getByRole('link', { name: w.tabs.notifications, exact: true }).click();
    await page.waitForURL('**/settings/notifications');
    const row = page.locator('table tbody tr', { hasText: `serious ${lang}` });
    await row.getByRole('button', { name: w.rules.edit }).focus();
    await page.keyboard.press('Enter');
    const title = fillTemplate(w.rules.editTitle, { name: `serious ${lang}` });
    await expect.poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(title);
    expect(await page.getByLabel(w.rules.minSeverity, { exact: true }).inputValue()).toBe('high');

    // The picker lists the catalogue's titles in this language; the search narrows it.
    const picker = page.getByTestId('check-picker');
    await expect.poll(() => picker.getByRole('checkbox').count()).toBe(allChecks.length);
    await page.getByLabel(w.checks.search, { exact: true }).fill(chosen.title[lang]);
    await expect.poll(() => picker.getByRole('checkbox').count()).toBeLessThan(allChecks.length);
    const box = picker.getByLabel(chosen.title[lang], { exact: true });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    expect(await page.getByText(fillTemplate(w.checks.chosen, { count: '1' })).count()).toBe(1);

    // An emptied name is refused by the server; the error shows beside the field.
    await page.getByLabel(w.rules.name, { exact: true }).fill('');
    await page.getByRole('button', { name: w.rules.save }).click();
    await expect.poll(() => page.locator('#rule-name-error').count()).toBe(1);
    await page.getByLabel(w.rules.name, { exact: true }).fill(`serious ${lang} v2`);
    await page.getByRole('button', { name: w.rules.save }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(w.rules.saved, { name: `serious ${lang} v2` }) })
          .count(),
      )
      .toBe(1);
    const edited = page.locator('table tbody tr', { hasText: `serious ${lang} v2` });
    expect(await edited.textContent()).toContain(fillTemplate(w.rules.summaryChecks, { count: '1' }));
    const stored = await page.evaluate<string>("fetch('/api/notify/rules').then((r) => r.text())");
    expect(stored).toContain(`"checkIds":["${chosen.id}"]`);
    await expectNoSeriousA11yViolations(page);
  });
});
