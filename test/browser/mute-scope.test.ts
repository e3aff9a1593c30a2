/**
 * Muting from the results page of a run of an organization member, in Korean and English: the
 * dialog offers this account (the default), its OU by name, or every account, and the rule made
 * is scoped to the account chosen. A muted finding says which accounts its rule covers, in the flat
 * list and in the grouped table's expanded row (the resource page: resource-search.test.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/registry.js';
import type { Finding } from '../../src/core/findings.js';
import { MutesResponse } from '../../src/shared/api/advisor.js';
import { ConnectionResponse } from '../../src/shared/api/connections.js';
import { LocalStorage } from '../../src/storage/local.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  pageApi,
  refreshOrganizationInPage,
  submitRegisterForm,
} from '../support/browser-session.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg, seedOrganization } from '../support/org.js';
import { writeSyntheticRun } from '../support/synthetic-run.js';

const CHECK = allChecks.find((c) => c.id === 's3-bucket-versioning-enabled');
const BUCKET = 'web-assets';

let server: RunningConsole;
let seeded: SeededOrg;
consolePerFile(
  async () => {
    seeded = await seedOrganization([
      { name: 'prod-web', ou: 'web' },
      { name: 'sandbox-one', ou: 'sandbox' },
    ]);
  },
  (started) => {
    server = started;
  },
);

describe.each(LANGUAGES)('account-scoped mutes in $locale', ({ locale, lang, text }) => {
  let page: Page;
  let orgId: string;
  let runId: string;
  const user = `mute-scope-${lang}`;
  const a = text.advisor;
  browserPerSuite({ locale, name: `mute-scope-${lang}`, bodyTextOnFailure: true }, async (opened) => {
    page = opened.page;
    await submitRegisterForm(page, {
      baseUrl: server.baseUrl,
      text,
      username: user,
      password: `mute ${lang} pw 1`,
    });
    await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
    const created = await pageApi(page, 'POST', '/api/connections', {
      kind: 'role',
      name: `organization ${lang}`,
      roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
      organization: { memberRoleName: 'AgainConsoleAudit', externalId: 'mute-scope-external-id' },
    });
    expect(created.status).toBe(201);
    orgId = ConnectionResponse.parse(created.json).connection.id;
    await refreshOrganizationInPage(page, orgId);
    if (!CHECK) throw new Error('no versioning check');
    const finding: Finding = {
      checkId: CHECK.id,
      service: CHECK.service,
      category: CHECK.category,
      severity: CHECK.severity,
      status: 'fail',
      region: 'us-east-1',
      resourceId: BUCKET,
      message: { ko: '버전 관리가 꺼져 있습니다', en: 'Versioning is off' },
    };
    runId = await writeSyntheticRun(
      new LocalStorage(join(server.dataDir, 'data')),
      user,
      [finding],
      new Date('2026-12-01T00:00:00.000Z'),
      { connectionId: orgId, accountId: seeded.members['prod-web'] as string },
    );
  });

  it('mutes a finding for this account only (the default for an organization member)', async () => {
    await page.goto(`${server.baseUrl}/advisor?run=${encodeURIComponent(runId)}&view=flat`);
    await page.getByRole('heading', { name: a.results.title, exact: true }).waitFor();
    const item = page.locator(`[data-testid=finding][data-check="${CHECK?.id}"][data-resource="${BUCKET}"]`);
    await item.getByRole('button', { name: new RegExp(`^${a.finding.mute}`) }).click();
    const dialog = page.getByRole('dialog');
    const accounts = dialog.getByRole('group', { name: a.mute.accounts });
    const account = `prod-web (${seeded.members['prod-web']})`;
    const only = accounts.getByLabel(fillTemplate(a.mute.accountOnly, { account }));
    const ou = accounts.getByLabel(fillTemplate(a.mute.accountOu, { ou: 'Web' }));
    const all = accounts.getByLabel(a.mute.accountAll);
    // The OU option appears once the member's OU is read.
    await ou.waitFor();
    expect(await only.isChecked()).toBe(true);
    expect(await ou.isChecked()).toBe(false);
    expect(await all.isChecked()).toBe(false);
    await all.check();
    await only.check();
    await dialog.getByLabel(a.mute.reason).fill(`test bucket ${lang}`);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: a.mute.submit, exact: true }).click();
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(0);

    const mutes = MutesResponse.parse((await pageApi(page, 'GET', '/api/advisor/mutes')).json);
    expect(mutes.rules).toHaveLength(1);
    expect(mutes.rules[0]).toMatchObject({
      checkId: CHECK?.id,
      resourceId: BUCKET,
      scope: { kind: 'account', connectionId: orgId, accountId: seeded.members['prod-web'] },
      scopeNames: { accountName: 'prod-web' },
    });
  });

  it('a muted finding says its rule covers this account only, in the flat list and the grouped table', async () => {
    const account = `prod-web (${seeded.members['prod-web']})`;
    const expected = fillTemplate(a.results.mutedForAccount, { account });
    await page.goto(`${server.baseUrl}/advisor?run=${encodeURIComponent(runId)}&view=flat&status=muted`);
    const flat = page.locator(`[data-testid=finding][data-check="${CHECK?.id}"]`).getByTestId('muted-scope');
    await expect.poll(() => flat.textContent()).toBe(expected);
    expect(await page.getByTestId('muted-note').textContent()).toContain(`test bucket ${lang}`);

    await page.goto(`${server.baseUrl}/advisor?run=${encodeURIComponent(runId)}&status=muted`);
    const group = page.locator(`[data-testid=finding-group][data-check="${CHECK?.id}"]`);
    await group.getByRole('button', { expanded: false }).click();
    const expandedRow = page.locator(`#group-${CHECK?.id}`).getByTestId('muted-scope');
    await expect.poll(() => expandedRow.textContent()).toBe(expected);
  });

  it('lists the rule with its accounts in words on the settings tab, and unmutes it there', async () => {
    await page.goto(`${server.baseUrl}/advisor/settings`);
    const scope = page.getByTestId('mute-rule-scope');
    const account = `prod-web (${seeded.members['prod-web']})`;
    await expect.poll(() => scope.textContent()).toBe(fillTemplate(a.muteRules.scopeAccount, { account }));
    await expectNoSeriousA11yViolations(page);
    await page
      .getByTestId('mute-rule')
      .getByRole('button', { name: new RegExp(`^${a.finding.unmute}`) })
      .click();
    await page.getByText(a.muteRules.empty).waitFor();
    expect(MutesResponse.parse((await pageApi(page, 'GET', '/api/advisor/mutes')).json).rules).toEqual([]);
  });

  it('a finding muted by an OU rule names the OU and its path', async () => {
    const created = await pageApi(page, 'POST', '/api/advisor/mutes', {
      checkId: CHECK?.id,
      scope: { kind: 'ou', connectionId: orgId, ouId: seeded.ous.production },
      reason: `production ${lang}`,
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.baseUrl}/advisor?run=${encodeURIComponent(runId)}&view=flat&status=muted`);
    const note = page.locator(`[data-testid=finding][data-check="${CHECK?.id}"]`).getByTestId('muted-scope');
    await expect
      .poll(() => note.textContent())
      .toBe(fillTemplate(a.results.mutedForOu, { ou: 'Production (/Production/)' }));
    await expectNoSeriousA11yViolations(page);
  });
});
