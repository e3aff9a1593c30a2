/**
 * Sign-in hardening in the browser, in Korean and English: no page load reports a CSP violation
 * (zod runs jitless), the register form explains the password rules (12+ characters, not a
 * common password), and Settings → Account shows the user's own security log.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import { browserPerSuite, consolePerFile, expectH1, LANGUAGES } from '../support/browser-session.js';

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

/** Collects every securitypolicyviolation the page reports, from the first script on (page code). */
const RECORD_CSP_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber);
  });
`;
const cspViolations = (page: Page) => page.evaluate<string[]>('window.cspViolations');

describe.each(LANGUAGES)('sign-in security in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const suite = browserPerSuite({ locale, name: `sign-in-security-${lang}` }, async (opened) => {
    page = opened.page;
    await page.addInitScript(RECORD_CSP_VIOLATIONS);
  });
  const password = `security ${lang} passphrase 1`;

  it('loads the sign-in and register pages without a CSP violation', async () => {
    for (const path of ['/signin', '/register']) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByLabel(text.auth.username, { exact: true }).waitFor();
      // The form validates with zod on submit: parse once so a lazy probe would show too.
      await page
        .getByRole('button', {
          name: path === '/signin' ? text.auth.signIn.submit : text.auth.register.submit,
        })
        .click();
      expect(await cspViolations(page), path).toEqual([]);
    }
  });

  it('explains the password rules: 12 characters at least, never a common password', async () => {
    await page.goto(`${server.baseUrl}/register`);
    const fill = async (value: string) => {
      await page.getByLabel(text.auth.password, { exact: true }).fill(value);
      await page.getByLabel(text.auth.confirmPassword, { exact: true }).fill(value);
      await page.getByRole('button', { name: text.auth.register.submit }).click();
    };
    await page.getByLabel(text.auth.username, { exact: true }).fill(`sec-${lang}`);
    expect(await page.getByText(text.auth.register.passwordHelp).count()).toBe(1);
    await fill('elevenchars');
    await expect.poll(() => page.getByText(text.errors.password_too_short).count()).toBe(1);
    await fill('qwerty123456');
    await expect.poll(() => page.getByText(text.errors.password_common).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await fill(password);
    await expectH1(page, text.pages.dashboard.title);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('shows the user their own security log in Settings → Account', async () => {
    await page.getByRole('link', { name: text.nav.settings }).click();
    await page.getByRole('link', { name: text.settings.tabs.account, exact: true }).click();
    await page.getByRole('heading', { name: text.settings.audit.title }).waitFor();
    const rows = page.getByTestId('audit-events').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(text.settings.audit.actions.registered);
    // Invites are the admin's, on invite-only servers: not shown here.
    expect(await page.getByRole('heading', { name: text.settings.invites.title }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(await cspViolations(page)).toEqual([]);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
