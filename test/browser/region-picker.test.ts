/**
 * The one region picker of the collection, advisor and schedule forms, in Korean and English: the
 * account's enabled regions first (home region on top and proposed), the partition's other regions
 * apart and not selectable, never a China or GovCloud region for a commercial account; typing
 * filters by id or place name; select all, clear and the count; a schedule saves what was picked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REGION_NAMES } from '../../src/core/regions.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  expectH1,
  fillTemplate,
  LANGUAGES,
  submitRegisterForm,
} from '../support/browser-session.js';

const HOME = 'us-east-1';
const SEOUL = 'ap-northeast-2';
/** Not opted in on the emulator's account (moto lists it as not-opted-in). */
const OPT_IN = 'me-south-1';

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

describe.each(LANGUAGES)('the region picker in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const p = text.regionPicker;
  browserPerSuite({ locale, name: `regions-${lang}`, actionTimeoutMs: 30_000 }, async (opened) => {
    page = opened.page;
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: `regions-${lang}`,
      password: `regions ${lang} password 1`,
    });
    await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
    await connectEmulatorUser(page, `regions-user-${lang}`);
  });

  const picker = () => page.getByRole('group', { name: p.legend, exact: true });
  const box = (region: string) => picker().getByRole('checkbox', { name: new RegExp(`^${region} `) });
  const group = (name: string) => picker().getByRole('group', { name, exact: true });
  /** Enabled first with the home region on top and ticked; opt-in ones apart; one partition only. */
  async function expectAccountRegions(): Promise<void> {
    await box(SEOUL).waitFor();
    const enabled = await group(p.enabledGroup).locator('label').allTextContents();
    const other = await group(p.otherGroup).locator('label').allTextContents();
    expect(enabled[0]).toContain(HOME);
    expect(enabled[0]).toContain(p.home);
    expect(enabled.some((l) => l.startsWith(`${SEOUL} — ${REGION_NAMES[SEOUL]?.[lang]}`))).toBe(true);
    expect(other.some((l) => l.startsWith(OPT_IN))).toBe(true);
    expect(await box(OPT_IN).isDisabled()).toBe(true);
    expect([...enabled, ...other].filter((l) => /^(cn-|us-gov-)/.test(l))).toEqual([]);
    expect(await box(HOME).isChecked()).toBe(true);
    const total = enabled.length;
    await expect.poll(() => countText()).toBe(fillTemplate(p.count, { selected: '1', total: String(total) }));
  }

  const countText = async () =>
    (
      await picker()
        .getByTestId(/-count$/)
        .textContent()
    )?.trim();

  /** Typing a place name in the page's language (or an id) leaves only the matching regions. */
  async function filterToSeoul(): Promise<void> {
    const filter = picker().getByRole('searchbox', { name: p.filter });
    await filter.fill(REGION_NAMES[SEOUL]?.[lang] ?? SEOUL);
    await expect.poll(() => picker().getByRole('checkbox').count()).toBe(1);
    await box(SEOUL).check();
    await filter.fill('');
    await expect.poll(() => picker().getByRole('checkbox').count()).toBeGreaterThan(5);
  }

  it('in the collection form: enabled regions first, home proposed, filter, select all and clear', async () => {
    await page.goto(`${server.baseUrl}/resources/new`);
    await expectH1(page, text.resources.start.title);
    await expectAccountRegions();
    await filterToSeoul();
    expect(await box(HOME).isChecked()).toBe(true);
    expect(await box(SEOUL).isChecked()).toBe(true);
    // "Select all shown" after filtering by id picks only the shown regions.
    await picker().getByRole('searchbox', { name: p.filter }).fill('eu-');
    await picker().getByRole('button', { name: p.selectAll }).click();
    await picker().getByRole('searchbox', { name: p.filter }).fill('');
    const euBoxes = picker().getByRole('checkbox', { name: /^eu-/, checked: true });
    const euCount = await euBoxes.count();
    expect(euCount).toBeGreaterThan(2);
    expect(await picker().getByRole('checkbox', { checked: true }).count()).toBe(euCount + 2);
    await picker().getByRole('button', { name: p.clear }).click();
    expect(await picker().getByRole('checkbox', { checked: true }).count()).toBe(0);
    await page.getByRole('button', { name: text.resources.start.submit }).click();
    await expect.poll(() => page.getByText(p.needRegion).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it('in the schedule form: every enabled region by default; chosen regions are saved and shown again', async () => {
    const w = text.settings.watch.schedules;
    await page.goto(`${server.baseUrl}/settings/schedules`);
    await page.getByRole('heading', { name: w.title, exact: true }).waitFor();
    expect(await page.getByLabel(p.allEnabled, { exact: true }).isChecked()).toBe(true);
    await page.getByLabel(p.chosen, { exact: true }).check();
    await expectAccountRegions();
    await filterToSeoul();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel(w.name, { exact: true }).fill(`regions ${lang}`);
    await page.getByRole('button', { name: w.add }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: fillTemplate(w.created, { name: `regions ${lang}` }) })
          .count(),
      )
      .toBe(1);
    // Editing it shows the saved regions ticked, nothing else.
    const row = page.getByRole('row').filter({ hasText: `regions ${lang}` });
    await row.getByRole('button', { name: w.edit }).click();
    await page
      .getByRole('heading', { name: fillTemplate(w.editTitle, { name: `regions ${lang}` }) })
      .waitFor();
    const editor = page.getByRole('form', { name: fillTemplate(w.editTitle, { name: `regions ${lang}` }) });
    const edited = editor.getByRole('group', { name: p.legend, exact: true });
    await edited.getByRole('checkbox', { name: new RegExp(`^${SEOUL} `) }).waitFor();
    const ticked = await edited
      .getByRole('checkbox', { checked: true })
      .evaluateAll((boxes) => boxes.map((b) => b.id.replace(/^.*-regions-/, '')));
    expect(ticked.sort()).toEqual([SEOUL, HOME].sort());
  });
});
