/**
 * Organization connections in the browser, in Korean and English: the connection form's
 * organization option (a refused External ID shown beside its field), the empty accounts view,
 * Refresh through a gate that refuses one member's AssumeRole, the OU tree (mouse and keyboard),
 * debounced search, the refused member's AccessDenied and the suspended one skipped, paging with
 * the page size from the URL, a member re-checked, and the organization option turned off again.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Gate, startGate } from '../advisor/gate.js';
import {
  type ConsoleOptions,
  expectNoSeriousA11yViolations,
  type RunningConsole,
  saveScreenshot,
} from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  signUp,
} from '../support/browser-session.js';
import { motoEndpoint } from '../support/moto.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg, seedOrganization } from '../support/org.js';

let server: RunningConsole;
let gate: Gate | undefined;
let seeded: SeededOrg;
// The gate starts in the seed step, before the server that must talk to it.
const consoleOptions: ConsoleOptions = {};

consolePerFile(
  async () => {
    seeded = await seedOrganization();
    gate = await startGate(motoEndpoint());
    gate.denyAssumeRole(`::${seeded.members['sandbox-alice']}:role/`);
    consoleOptions.awsEndpoint = gate.endpoint;
  },
  (started) => {
    server = started;
  },
  consoleOptions,
);
afterAll(async () => gate?.close());

/** The account table's rows, by account name. */
const rowNames = (page: Page) =>
  page
    .getByTestId('org-accounts')
    .locator('tbody th')
    .allTextContents()
    .then((names) => names.map((n) => n.trim()).sort());

describe.each(LANGUAGES)('organization accounts in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const o = text.orgs;
  browserPerSuite({ locale, name: `orgs-${lang}`, timezoneId: 'Asia/Seoul' }, (opened) => {
    page = opened.page;
  });

  it('connects an organization: the option, a refused External ID beside its field, the badge', async () => {
    await signUp(page, {
      baseUrl: server.baseUrl,
      text,
      username: `orgs-${lang}`,
      password: `orgs ${lang} password 1`,
    });
    await page.goto(`${server.baseUrl}/settings/aws`);
    await page.getByLabel(text.settings.addConnection.name, { exact: true }).fill(`org ${lang}`);
    await page
      .getByLabel(text.settings.addConnection.roleArn, { exact: true })
      .fill(`arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`);
    expect(await page.getByLabel(o.form.memberRoleName).count()).toBe(0);
    await page.getByLabel(o.form.option).check();
    expect(await page.getByLabel(o.form.memberRoleName).inputValue()).toBe('AgainConsoleAudit');
    const externalId = page.getByLabel(o.form.externalId);
    await externalId.fill('x');
    await page.getByRole('button', { name: text.settings.addConnection.submit }).click();
    await expect
      .poll(() => page.locator('#connection-org-externalId-error').textContent())
      .toBe(text.errors.external_id_invalid);
    expect(await externalId.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => externalId.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await externalId.fill(`org-external-id-${lang}`);
    await page.getByRole('button', { name: text.settings.addConnection.submit }).click();
    await page.getByTestId('connected').waitFor();
    const row = page.locator('table tbody tr', { hasText: `org ${lang}` });
    expect(await row.getByTestId('organization-badge').textContent()).toBe(o.badge);
    await expectNoSeriousA11yViolations(page);
  });

  it('shows what to do before the first refresh, then refreshes: summary, OU tree, refused and skipped members', async () => {
    await page
      .locator('table tbody tr', { hasText: `org ${lang}` })
      .getByRole('link', { name: o.viewAccounts })
      .click();
    await page.waitForURL(/\/settings\/aws\/orgs\/[^/?]+$/);
    await page.getByRole('heading', { name: o.emptyTitle }).waitFor();

    const button = page.getByRole('button', { name: o.refresh, exact: true });
    await button.click();
    // The refresh is a job: the button waits while the page polls its progress.
    await expect.poll(() => button.isDisabled()).toBe(true);
    const result = page.getByTestId('org-refresh-result');
    await expect
      .poll(() => result.textContent(), { timeout: 60_000 })
      .toBe(fillTemplate(o.refreshed, { accounts: '6', failed: '1' }));
    expect(await button.isDisabled()).toBe(false);
    const summary = (await page.getByTestId('org-summary').textContent()) ?? '';
    expect(summary).toContain(seeded.organizationId);
    expect(summary).toContain(MANAGEMENT_ACCOUNT_ID);
    const counts = (await page.getByTestId('org-counts').textContent()) ?? '';
    expect(counts).toContain(`${o.counts.suspended}: 1`);
    expect(counts).toContain(`${o.counts.roleFailed}: 1`);
    expect(await page.getByRole('heading', { name: o.emptyTitle }).count()).toBe(0);

    const tree = page.getByTestId('ou-tree');
    expect(await tree.getByRole('button').allTextContents()).toEqual([
      o.allUnits,
      'Production',
      'Web',
      'Sandbox',
    ]);
    await expect.poll(() => rowNames(page)).toHaveLength(6);
    await saveScreenshot(page, 'org-accounts', lang, { fullPage: false });

    const refused = page.locator('tbody tr', { hasText: 'sandbox-alice' });
    expect(await refused.locator('[data-role-state]').textContent()).toBe(o.roleStates.failed);
    await refused.getByText(o.table.details).click();
    expect(await refused.getByTestId('role-failure').textContent()).toContain('AccessDenied');
    const suspended = page.locator('tbody tr', { hasText: 'closed-legacy' });
    expect(await suspended.textContent()).toContain(o.statuses.SUSPENDED);
    expect(await suspended.textContent()).toContain(o.skippedSuspended);
    expect(await suspended.getByRole('button', { name: new RegExp(o.table.checkAgain) }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
  });

  it('filters by OU subtree (mouse and keyboard), debounced search, role; the URL keeps them', async () => {
    const tree = page.getByTestId('ou-tree');
    await tree.getByRole('button', { name: 'Production', exact: true }).click();
    await page.waitForURL(`**/orgs/*?ou=${seeded.ous.production}`);
    await expect.poll(() => rowNames(page)).toEqual(['prod-data', 'prod-web']);

    // From the keyboard: focus the next OU and press Enter.
    await tree.getByRole('button', { name: 'Sandbox', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/orgs/*?ou=${seeded.ous.sandbox}`);
    await expect.poll(() => rowNames(page)).toEqual(['closed-legacy', 'sandbox-alice']);
    expect(
      await tree.getByRole('button', { name: 'Sandbox', exact: true }).getAttribute('aria-current'),
    ).toBe('true');

    await tree.getByRole('button', { name: o.allUnits, exact: true }).click();
    await expect.poll(() => rowNames(page)).toHaveLength(6);
    await page.getByLabel(o.search, { exact: true }).pressSequentially('ALICE');
    await page.waitForURL('**/orgs/*?q=ALICE');
    await expect.poll(() => rowNames(page)).toEqual(['sandbox-alice']);
    await page.getByLabel(o.search, { exact: true }).fill('');
    await expect.poll(() => rowNames(page)).toHaveLength(6);

    await page.getByLabel(o.role, { exact: true }).selectOption('skipped');
    await page.waitForURL('**/orgs/*?role=skipped');
    await expect.poll(() => rowNames(page)).toEqual(['closed-legacy']);
    // A reload shows the same filtered page.
    await page.reload();
    await expect.poll(() => rowNames(page)).toEqual(['closed-legacy']);
    expect(await page.getByLabel(o.role, { exact: true }).inputValue()).toBe('skipped');
  });

  it('pages through the accounts on the server (page size from the URL) and re-checks a member', async () => {
    const url = new URL(page.url());
    await page.goto(`${url.origin}${url.pathname}?limit=4`);
    const range = page.getByTestId('org-range');
    await expect
      .poll(() => range.textContent())
      .toBe(fillTemplate(o.table.range, { from: '1', to: '4', total: '6' }));
    await expect.poll(async () => (await rowNames(page)).length).toBe(4);
    const firstPage = await rowNames(page);
    await page.getByRole('button', { name: o.table.next }).click();
    await page.waitForURL('**/orgs/*?limit=4&page=2');
    await expect
      .poll(() => range.textContent())
      .toBe(fillTemplate(o.table.range, { from: '5', to: '6', total: '6' }));
    // The first page stays on screen (busy) until the second one arrives.
    await expect.poll(async () => (await rowNames(page)).length).toBe(2);
    const secondPage = await rowNames(page);
    const both = new Set([...firstPage, ...secondPage]);
    expect(both.size).toBe(6);
    for (const member of Object.keys(seeded.members)) expect(both).toContain(member);
    expect(await page.getByRole('button', { name: o.table.next }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: o.table.previous }).click();
    await expect
      .poll(() => range.textContent())
      .toBe(fillTemplate(o.table.range, { from: '1', to: '4', total: '6' }));
    await page.getByLabel(o.search, { exact: true }).fill('prod-web');
    await expect.poll(() => rowNames(page)).toEqual(['prod-web']);
    await page
      .locator('tbody tr', { hasText: 'prod-web' })
      .getByRole('button', { name: o.table.checkAgain })
      .click();
    await expect
      .poll(() =>
        page.getByText(fillTemplate(o.checked, { name: 'prod-web', state: o.roleStates.ok })).count(),
      )
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it('turns the organization option off again from the connections table', async () => {
    await page.getByRole('link', { name: o.back }).click();
    await page.waitForURL('**/settings/aws');
    const row = page.locator('table tbody tr', { hasText: `org ${lang}` });
    await row.getByRole('button', { name: o.form.edit }).click();
    const form = page.getByTestId('organization-settings-form');
    expect(await form.getByLabel(o.form.externalId).inputValue()).toBe(`org-external-id-${lang}`);
    await form.getByLabel(o.form.option).uncheck();
    await form.getByRole('button', { name: o.form.save }).click();
    await expect
      .poll(() => page.getByText(fillTemplate(o.form.turnedOff, { name: `org ${lang}` })).count())
      .toBe(1);
    expect(await row.getByTestId('organization-badge').count()).toBe(0);
  });
});
