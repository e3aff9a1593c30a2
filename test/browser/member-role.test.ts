/**
 * Settings → AWS access, organization member role panel, in Korean and English: the user's own
 * External ID, the StackSets commands with it filled in, and a template download that carries it.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSetupResponse } from '../../src/shared/api/org-setup.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import { browserPerSuite, consolePerFile, LANGUAGES, signUp } from '../support/browser-session.js';

let server: RunningConsole;

consolePerFile(undefined, (started) => {
  server = started;
});

describe.each(LANGUAGES)('organization member role panel in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const mr = text.settings.memberRole;
  browserPerSuite({ locale, name: `member-role-${lang}` }, (opened) => {
    page = opened.page;
  });

  it('shows the steps, the user External ID and the commands with it filled in', async () => {
    await signUp(page, {
      baseUrl: server.baseUrl,
      text,
      username: `member-role-${lang}`,
      password: `member role ${lang} password 1`,
    });
    await page.goto(`${server.baseUrl}/settings/aws`);
    const panel = page.getByRole('region', { name: mr.title, exact: true });
    await panel.getByTestId('member-role-external-id').waitFor();
    const setup = (await page.evaluate(async () =>
      (await fetch('/api/org-setup')).json(),
    )) as OrgSetupResponse;
    expect(await panel.getByTestId('member-role-external-id').textContent()).toBe(setup.externalId);
    expect(await panel.textContent()).toContain(mr.managementTitle);
    // A management account connected with keys: the members must trust that IAM user instead.
    expect(await panel.textContent()).toContain(mr.principalKeys);
    const blocks = await panel.locator('pre.policy-json').allTextContents();
    expect(blocks).toEqual([
      setup.commands.activateTrustedAccess,
      setup.commands.createStackSet,
      setup.commands.createStackInstances,
      setup.commands.createManagementStack,
    ]);
    expect(blocks[1]).toContain(`ParameterValue=${setup.externalId}`);
    await expectNoSeriousA11yViolations(page);
  });

  it('downloads the YAML and JSON templates, named and filled in for this user', async () => {
    const panel = page.getByRole('region', { name: mr.title, exact: true });
    const externalId = (await panel.getByTestId('member-role-external-id').textContent()) ?? '';
    for (const [label, name] of [
      [mr.downloadYaml, 'again-console-member-role.yaml'],
      [mr.downloadJson, 'again-console-member-role.json'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('link', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const body = await readFile((await download.path()) ?? '', 'utf8');
      expect(body).toContain('AWS::IAM::Role');
      expect(body).toContain(externalId);
    }
  });
});
