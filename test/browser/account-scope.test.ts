/**
 * The account switcher and the organization roll-up in the browser, in Korean and English, at
 * 1440 × 900 and 390 × 844: an organization of two evaluated members (each one S3 run on the
 * emulator) and 60 more written into its stored directory, so the switcher must search the server
 * to reach an account beyond its first page. The scope goes into the URL and survives a reload
 * (its label too); the roll-up lists the accounts worst first with its sort in the URL; a heat-map
 * cell opens that account's advisor results filtered to that category; axe passes.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/shared/api/orgs.js';
import { AccountRollupResponse } from '../../src/shared/api/rollup.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  pageApi,
  refreshOrganizationInPage,
  signUp,
  type UiText,
} from '../support/browser-session.js';
import { eventually } from '../support/eventually.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg } from '../support/org.js';
import { SCOPED_MEMBERS, seedScopedOrganization } from '../support/scoped-org.js';

const BULK_MEMBERS = 60;
/** The 12-digit id of the n-th account written straight into the directory. */
const bulkId = (n: number) => `9000000${String(n).padStart(5, '0')}`;
const VIEWPORTS = [
  { size: 'desktop', viewport: { width: 1440, height: 900 } },
  { size: 'phone', viewport: { width: 390, height: 844 } },
] as const;

let server: RunningConsole;
let seeded: SeededOrg;
consolePerFile(
  async () => {
    seeded = await seedScopedOrganization();
  },
  (started) => {
    server = started;
  },
);

/** The organization connected, discovered, each seeded member evaluated, and 60 members more in its directory. */
async function seedUserOrganization(page: Page, username: string): Promise<string> {
  const created = await pageApi(page, 'POST', '/api/connections', {
    kind: 'role',
    name: 'organization',
    roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
    organization: { memberRoleName: 'AgainConsoleAudit', externalId: 'scope-external-id' },
  });
  expect(created.status).toBe(201);
  const orgId = (created.json as { connection: { id: string } }).connection.id;
  await refreshOrganizationInPage(page, orgId);
  for (const member of SCOPED_MEMBERS) {
    const started = await pageApi(page, 'POST', '/api/advisor/runs', {
      connectionId: orgId,
      accountId: seeded.members[member.name],
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(started.status).toBe(202);
    const { runId } = (started.json as { run: { runId: string } }).run;
    await eventually(
      async () => {
        const res = await pageApi(page, 'GET', `/api/advisor/runs/${runId}`);
        expect((res.json as { run: { status: string } }).run.status).toBe('completed');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }
  const docs = new DocumentStore(new LocalStorage(join(server.dataDir, 'data')));
  const key = keys.orgDirectory(username, orgId);
  const stored = await docs.getJson(key, OrgDirectory);
  if (!stored) throw new Error('the organization was not discovered');
  const bulk = Array.from({ length: BULK_MEMBERS }, (_, n) => ({
    id: bulkId(n),
    name: `bulk-member-${String(n).padStart(2, '0')}`,
    email: `bulk-${n}@example.com`,
    status: 'ACTIVE',
    ouId: seeded.rootId,
    ouPath: '/',
    role: { state: 'unchecked' as const },
  }));
  await docs.putJson(key, { ...stored.value, accounts: [...stored.value.accounts, ...bulk] });
  return orgId;
}

/** On a phone the switcher sits in the collapsed menu: open it first (again if the toggle came too early). */
async function switcher(page: Page, text: UiText) {
  const toggler = page.getByRole('button', { name: text.app.toggleNavigation });
  const box = page.getByRole('combobox', { name: text.scope.label });
  await expect
    .poll(
      async () => {
        if (await box.isVisible()) return true;
        if ((await toggler.isVisible()) && (await toggler.getAttribute('aria-expanded')) !== 'true')
          await toggler.click();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return box;
}

const scopeOf = (page: Page) => new URL(page.url()).searchParams.get('scope');

describe.each(LANGUAGES.flatMap((language) => VIEWPORTS.map((viewport) => ({ ...language, ...viewport }))))(
  'account scope in $locale on $size',
  ({ locale, lang, text, size, viewport }) => {
    let page: Page;
    let orgId: string;
    const username = `scope-${lang}-${size}`;
    browserPerSuite(
      { locale, name: `account-scope-${lang}-${size}`, viewport, actionTimeoutMs: 30_000 },
      async (opened) => {
        page = opened.page;
        await signUp(page, { baseUrl: server.baseUrl, text, username });
        orgId = await seedUserOrganization(page, username);
      },
    );

    it('lists the accounts worst first, sorts by a column with the sort in the URL, pages past 50', async () => {
      await page.goto(`${server.baseUrl}/`);
      const rows = page.getByTestId('rollup-row');
      await expect.poll(() => rows.count()).toBe(50);
      const api = AccountRollupResponse.parse((await pageApi(page, 'GET', '/api/dashboard/accounts')).json);
      const total = api.total;
      expect(total).toBe(BULK_MEMBERS + SCOPED_MEMBERS.length + 1); // + the management account
      // Worst first: the evaluated members lead, lowest score first; the never-evaluated follow.
      const evaluated = api.accounts.filter((a) => a.score !== null);
      expect(evaluated.map((a) => a.name).sort()).toEqual(SCOPED_MEMBERS.map((m) => m.name).sort());
      const scores = evaluated.map((a) => a.score?.score ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(api.accounts.slice(0, evaluated.length)).toEqual(evaluated);
      for (const [i, account] of evaluated.entries())
        expect(await rows.nth(i).locator('th').textContent()).toContain(account.name);
      await expect
        .poll(() => rows.nth(evaluated.length).locator('td').last().textContent())
        .toBe(text.scope.rollup.never);

      const byName = fillTemplate(text.scope.rollup.sortBy, {
        column: text.scope.rollup.account,
        order: text.scope.rollup.sorts.name,
      });
      await page.getByRole('button', { name: byName, exact: true }).click();
      await page.waitForURL('**/?sort=name');
      await expect.poll(() => rows.first().locator('th').textContent()).toContain('bulk-member-00');
      await page.getByRole('button', { name: text.scope.rollup.next }).click();
      await page.waitForURL('**/?sort=name&page=2');
      const range = page.getByTestId('rollup-range');
      await expect
        .poll(() => range.textContent())
        .toBe(fillTemplate(text.scope.rollup.range, { from: '51', to: String(total), total: String(total) }));
      await page.reload();
      await expect.poll(() => range.textContent()).toContain(String(total));
      expect(await rows.count()).toBe(total - 50);
      await expectNoSeriousA11yViolations(page);
    });

    it('a heat-map cell opens that account’s advisor results of that category', async () => {
      await page.goto(`${server.baseUrl}/`);
      const first = SCOPED_MEMBERS[0]?.name ?? '';
      const row = page.getByTestId('org-heatmap').locator('tbody tr', { hasText: first });
      const security = text.advisor.categories.security;
      await row.getByRole('link', { name: new RegExp(`, ${security}: `) }).click();
      await page.waitForURL(/\/advisor\?/);
      expect(scopeOf(page)).toBe(`account:${orgId}:${seeded.members[first]}`);
      expect(new URL(page.url()).searchParams.get('category')).toBe('security');
      await expect
        .poll(() => page.getByLabel(text.advisor.filters.category, { exact: true }).inputValue())
        .toBe('security');
    });

    it('searches the server for an account beyond the first page, keyboard only; the URL and a reload keep it', async () => {
      await page.goto(`${server.baseUrl}/`);
      const box = await switcher(page, text);
      expect(await box.inputValue()).toBe(text.scope.all);
      await box.click();
      const listbox = page.getByRole('listbox');
      // Only a page of the organization is listed, with a way to ask for more.
      const organizationSize = String(BULK_MEMBERS + SCOPED_MEMBERS.length + 1);
      const more = fillTemplate(text.scope.showMore, {
        name: 'organization',
        shown: '25',
        total: organizationSize,
      });
      await listbox.getByRole('option', { name: more, exact: true }).waitFor();
      expect(await listbox.getByRole('option', { name: /bulk-member-59/ }).count()).toBe(0);
      await box.fill('member-59');
      const wanted = listbox.getByRole('option', { name: new RegExp(`bulk-member-59 \\(${bulkId(59)}\\)`) });
      await wanted.waitFor();
      await expect.poll(() => listbox.getByRole('option').count()).toBe(1);
      await box.press('ArrowDown');
      await expect.poll(() => wanted.getAttribute('aria-selected')).toBe('true');
      await box.press('Enter');
      await expect.poll(() => scopeOf(page)).toBe(`account:${orgId}:${bulkId(59)}`);
      expect(await box.getAttribute('aria-expanded')).toBe('false');

      await page.reload();
      const reloaded = await switcher(page, text);
      await expect.poll(() => reloaded.inputValue()).toBe(`bulk-member-59 (${bulkId(59)})`);
      expect(scopeOf(page)).toBe(`account:${orgId}:${bulkId(59)}`);
    });

    it('asks the server once for what is typed quickly, after the typing pauses, not once a keystroke', async () => {
      // Still on the page the last test chose an account on: typing must not change that scope.
      const box = await switcher(page, text);
      await box.click();
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      const searches: string[] = [];
      const onRequest = (request: { url(): string }) => {
        const url = new URL(request.url());
        // The switcher's searches (a page of 25), not the one-account look-up of the current scope's label.
        const search = url.searchParams.get('limit') === '25' && url.searchParams.has('q');
        if (url.pathname === `/api/orgs/${orgId}/accounts` && search)
          searches.push(url.searchParams.get('q') ?? '');
      };
      page.on('request', onRequest);
      try {
        // A person typing fast: 60 ms between keys, well under the pause the switcher waits for.
        await box.pressSequentially('prod', { delay: 60 });
        await page
          .getByRole('option', { name: /prod-web/ })
          .first()
          .waitFor();
        // Time for any late request to show before counting.
        await page.waitForTimeout(800);
      } finally {
        page.off('request', onRequest);
      }
      expect(searches).toEqual(['prod']);
      // The scope in the URL is untouched by typing (only choosing sets it).
      expect(scopeOf(page)).toBe(`account:${orgId}:${bulkId(59)}`);
      await box.press('Escape');
    });

    it('offers the OUs too, closes on Escape without changing the scope, and passes axe open', async () => {
      const box = await switcher(page, text);
      await box.click();
      await box.fill('Sandbox');
      const ou = page.getByRole('option', {
        name: new RegExp(fillTemplate(text.scope.ou, { path: '/Sandbox/' })),
      });
      await ou.waitFor();
      await expectNoSeriousA11yViolations(page);
      await box.press('Escape');
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
      expect(scopeOf(page)).toBe(`account:${orgId}:${bulkId(59)}`);

      await box.click();
      await box.fill('Sandbox');
      await ou.click();
      await expect.poll(() => scopeOf(page)).toBe(`ou:${orgId}:${seeded.ous.sandbox}`);
      await expect.poll(() => box.inputValue()).toBe(fillTemplate(text.scope.ou, { path: '/Sandbox/' }));
    });
  },
);
