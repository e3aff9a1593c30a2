/**
 * The Settings page's list editor, in Korean and English: elb-tls-policy-modern's accepted
 * policies shown one per line with the default, errors beside the field, saved, then reset.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODERN_TLS_POLICIES } from '../../src/checks/elb/elb-tls-policy-modern.js';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  signUp,
} from '../support/browser-session.js';
import { expectFocus } from '../support/keyboard.js';

let server: RunningConsole;

consolePerFile(undefined, (started) => {
  server = started;
});

describe.each(LANGUAGES)('list settings in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const s = text.advisor.settings;
  browserPerSuite({ locale, name: `list-settings-${lang}` }, (opened) => {
    page = opened.page;
  });
  const row = () => page.getByTestId('setting-elb-tls-policy-modern.acceptedPolicies');
  const field = () => row().locator('textarea');

  it('shows the list one per line with its rule and default', async () => {
    await signUp(page, {
      baseUrl: server.baseUrl,
      text,
      username: `list-${lang}`,
      password: `list settings ${lang} password 1`,
    });
    await page.goto(`${server.baseUrl}/advisor/settings`);
    await field().waitFor();
    expect(await field().inputValue()).toBe(MODERN_TLS_POLICIES.join('\n'));
    // The textarea is labelled by the setting's description and described by its rule.
    const description = await row().locator('label').textContent();
    expect(await page.getByLabel(description ?? '', { exact: true }).count()).toBe(1);
    await expect
      .poll(() =>
        row()
          .getByText(fillTemplate(s.listHelp, { maxItems: '50', maxLength: '128' }))
          .count(),
      )
      .toBe(1);
    await row()
      .getByText(fillTemplate(s.listDefault, { count: '10' }))
      .click();
    await expect
      .poll(() => row().getByText('ELBSecurityPolicy-FS-1-2-Res-2020-10', { exact: true }).count())
      .toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  it('shows every problem beside the field and sends nothing', async () => {
    const puts: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'PUT') puts.push(request.url());
    };
    page.on('request', onRequest);
    await field().fill('ELBSecurityPolicy-2016-08\nELBSecurityPolicy-2016-08\nnot a policy');
    await page.getByRole('button', { name: s.save }).click();
    await expect
      .poll(() =>
        row()
          .getByText(fillTemplate(s.listErrors.duplicate_item, { item: 'ELBSecurityPolicy-2016-08' }))
          .count(),
      )
      .toBe(1);
    expect(
      await row()
        .getByText(fillTemplate(s.listErrors.item_invalid, { item: 'not a policy' }))
        .count(),
    ).toBe(1);
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    await field().fill('\n  \n');
    await page.getByRole('button', { name: s.save }).click();
    await expect.poll(() => row().getByText(s.listErrors.empty_list).count()).toBe(1);
    page.off('request', onRequest);
    expect(puts).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  it('saves a trimmed list, keeps it after a reload, and resets it to the default', async () => {
    await field().fill('  ELBSecurityPolicy-2016-08 \n\nELBSecurityPolicy-TLS-1-2-2017-01');
    await page.getByRole('button', { name: s.save }).click();
    await expect.poll(() => page.getByRole('status').getByText(s.saved).count()).toBe(1);
    expect(await field().getAttribute('aria-invalid')).toBeNull();
    await page.reload();
    await field().waitFor();
    expect(await field().inputValue()).toBe('ELBSecurityPolicy-2016-08\nELBSecurityPolicy-TLS-1-2-2017-01');
    expect(await row().getByText(s.overridden).count()).toBe(1);

    await row().getByRole('button', { name: s.resetToDefault }).click();
    await expect.poll(() => page.getByRole('status').getByText(s.resetDone).count()).toBe(1);
    expect(await field().inputValue()).toBe(MODERN_TLS_POLICIES.join('\n'));
    expect(await row().getByText(s.overridden).count()).toBe(0);
    await expectFocus(field());
    await expectNoSeriousA11yViolations(page);
  });
});
