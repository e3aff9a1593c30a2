import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { ko } from '../../src/web/i18n/ko.js';
import { expectNoSeriousA11yViolations, type RunningConsole, saveScreenshot } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  createEmulatorKeys,
  expectH1,
  fillTemplate,
  LANGUAGES,
} from '../support/browser-session.js';

/** The localized template as a regex: literal text must match, placeholders match anything. */
const asPattern = (text: string) =>
  new RegExp(
    text
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );

const ROLE_ACCOUNT = '210987654321';
const MOTO_ACCOUNT = '123456789012'; // moto's own account: where IAM users (and their keys) live

let server: RunningConsole;

consolePerFile(undefined, (started) => {
  server = started;
});

describe.each(LANGUAGES)('console in $locale', ({ locale, lang, text }) => {
  let page: Page;
  const username = `user-${lang}`;
  const password = `correct horse ${lang} battery`;

  browserPerSuite({ locale, name: `console-${lang}`, bodyTextOnFailure: true }, (opened) => {
    page = opened.page;
  });

  it('a signed-out visitor lands on sign-in, in the browser language', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    await page.waitForURL('**/signin');
    await expectH1(page, text.auth.signIn.title);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'signin', lang);
  });

  it('the navbar language switch changes the language and is remembered across a reload', async () => {
    const other = lang === 'ko' ? en : ko;
    await page
      .getByRole('button', { name: other.language[lang === 'ko' ? 'en' : 'ko'], exact: true })
      .click();
    await expectH1(page, other.auth.signIn.title);
    await page.reload();
    await expectH1(page, other.auth.signIn.title);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'ko' ? 'en' : 'ko');
    await page.getByRole('button', { name: text.language[lang], exact: true }).click();
    await expectH1(page, text.auth.signIn.title);
  });

  it('register shows the username rules and a localized field error, then signs the user in', async () => {
    await page.getByRole('link', { name: text.auth.signIn.registerLink }).click();
    await expectH1(page, text.auth.register.title);
    await expect.poll(() => page.getByText(text.auth.register.usernameHelp).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel(text.auth.username, { exact: true }).fill('No Spaces!');
    await page.getByLabel(text.auth.password, { exact: true }).fill(password);
    await page.getByLabel(text.auth.confirmPassword, { exact: true }).fill(password);
    await page.getByRole('button', { name: text.auth.register.submit }).click();
    await expect.poll(() => page.getByText(text.errors.username_invalid).count()).toBe(1);
    await saveScreenshot(page, 'register', lang);
    await expectNoSeriousA11yViolations(page); // the error state too

    await page.getByLabel(text.auth.username, { exact: true }).fill(username);
    await page.getByRole('button', { name: text.auth.register.submit }).click();
    await expectH1(page, text.pages.dashboard.title);
    await saveScreenshot(page, 'dashboard-new', lang);
  });

  it('signs out from the user menu and signs back in', async () => {
    await page.getByRole('button', { name: fillTemplate(text.userMenu.label, { username }) }).click();
    await page.getByRole('button', { name: text.userMenu.signOut }).click();
    await expectH1(page, text.auth.signIn.title);
    await expect.poll(() => page.getByText(text.auth.signIn.signedOut).count()).toBe(1);

    await page.getByLabel(text.auth.username, { exact: true }).fill(username);
    await page.getByLabel(text.auth.password, { exact: true }).fill('wrong password 123');
    await page.getByRole('button', { name: text.auth.signIn.submit }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(text.errors.invalid_credentials);

    await page.getByLabel(text.auth.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: text.auth.signIn.submit }).click();
    await expectH1(page, text.pages.dashboard.title);
  });

  it('connects AWS by role: External ID and trust policy shown, account id shown after STS', async () => {
    await page.getByRole('link', { name: text.nav.settings }).click();
    await expectH1(page, text.settings.title);
    // Role is the first, pre-selected option.
    const methods = page.getByRole('radio');
    await expect.poll(() => methods.count()).toBe(2);
    await page.getByTestId('external-id').waitFor();
    expect(await methods.first().isChecked()).toBe(true);
    const externalId = (await page.getByTestId('external-id').textContent()) ?? '';
    expect(externalId.length).toBeGreaterThan(8);
    expect(await page.locator('pre.policy-json').first().textContent()).toContain(externalId);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'settings-aws-connect', lang);

    await page.getByLabel(text.settings.addConnection.name).fill('prod-role');
    await page.getByLabel(text.settings.addConnection.roleArn).fill('not-an-arn');
    await page.getByRole('button', { name: text.settings.addConnection.submit }).click();
    await expect.poll(() => page.getByText(text.errors.role_arn_invalid).count()).toBe(1);

    await page
      .getByLabel(text.settings.addConnection.roleArn)
      .fill(`arn:aws:iam::${ROLE_ACCOUNT}:role/again-console-readonly`);
    await page.getByRole('button', { name: text.settings.addConnection.submit }).click();
    const connected = page.getByTestId('connected');
    await expect.poll(() => connected.textContent()).toContain(ROLE_ACCOUNT);
    expect(await connected.textContent()).toMatch(asPattern(text.settings.addConnection.success));
    await expect.poll(() => page.locator('td.account-id').allTextContents()).toEqual([ROLE_ACCOUNT]);
  });

  it('connects AWS by access key (an IAM user made on the emulator); the secret is never shown back', async () => {
    const { accessKeyId: keyId, secretAccessKey: secret } = await createEmulatorKeys(`console-${lang}`);
    expect(keyId).toMatch(/^AKIA/);

    await page.getByRole('button', { name: text.settings.connections.add }).click();
    await page.getByRole('radio', { name: new RegExp(text.settings.addConnection.keysOption) }).check();
    const secretInput = page.getByLabel(text.settings.addConnection.secretAccessKey);
    expect(await secretInput.getAttribute('type')).toBe('password');
    await page.getByLabel(text.settings.addConnection.name).fill('dev-keys');
    await page.getByLabel(text.settings.addConnection.accessKeyId).fill(keyId);
    await secretInput.fill(secret);
    await page.getByRole('button', { name: text.settings.addConnection.submit }).click();
    await expect.poll(() => page.getByTestId('connected').textContent()).toContain(MOTO_ACCOUNT);
    await expect
      .poll(() => page.locator('td.account-id').allTextContents())
      .toEqual(expect.arrayContaining([ROLE_ACCOUNT, MOTO_ACCOUNT]));
    expect(await page.content()).not.toContain(secret);
    expect(await page.locator('tbody').textContent()).toContain(text.settings.connections.default);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'settings-aws', lang);
  });

  it('shows the IAM policy, the account page and the guided empty pages', async () => {
    await page.getByRole('link', { name: text.settings.tabs.iamPolicy }).click();
    await expect.poll(() => page.locator('pre.policy-json').textContent()).toContain('ec2:Describe');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'settings-iam-policy', lang);

    await page.getByRole('link', { name: text.settings.tabs.account }).click();
    await expect.poll(() => page.getByRole('heading', { name: text.settings.account.title }).count()).toBe(1);
    await saveScreenshot(page, 'settings-account', lang);

    for (const [path, name, title] of [
      ['resources', 'resources-empty', text.pages.resources.emptyTitle],
      ['advisor', 'advisor-empty', text.pages.advisor.emptyTitle],
      ['', 'dashboard-connected', text.gettingStarted.title],
    ] as const) {
      await page
        .getByRole('link', { name: path === '' ? text.nav.dashboard : text.nav[path] })
        .first()
        .click();
      await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, name, lang);
    }
  });

  it('changes the password: checked before sending, a wrong current one refused, then the new one signs in', async () => {
    const acc = text.settings.account;
    const newPassword = `${password} renewed`;
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await page.goto(`${server.baseUrl}/settings/account`);
    await expectH1(page, text.settings.title);

    await field(acc.currentPassword).fill(password);
    await field(acc.newPassword).fill('short');
    await field(acc.confirmNewPassword).fill('different');
    await page.getByRole('button', { name: acc.submit }).click();
    await expect
      .poll(() => page.locator('#password-new-error').textContent())
      .toBe(text.errors.password_too_short);
    expect(await page.locator('#password-confirm-error').textContent()).toBe(
      text.auth.register.passwordMismatch,
    );
    expect(await field(acc.newPassword).getAttribute('aria-invalid')).toBe('true');

    await field(acc.currentPassword).fill('not my password 1');
    await field(acc.newPassword).fill(newPassword);
    await field(acc.confirmNewPassword).fill(newPassword);
    await page.getByRole('button', { name: acc.submit }).click();
    await expect.poll(async () => page.locator('main').textContent()).toContain(text.errors.wrong_password);
    expect(await page.locator('#password-confirm-error').count()).toBe(0);

    await field(acc.currentPassword).fill(password);
    await page.getByRole('button', { name: acc.submit }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: acc.success }).count()).toBe(1);
    // The form forgets every password once the change is done.
    for (const label of [acc.currentPassword, acc.newPassword, acc.confirmNewPassword]) {
      expect(await field(label).inputValue()).toBe('');
    }
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: fillTemplate(text.userMenu.label, { username }) }).click();
    await page.getByRole('button', { name: text.userMenu.signOut }).click();
    await expectH1(page, text.auth.signIn.title);
    await field(text.auth.username).fill(username);
    await field(text.auth.password).fill(newPassword);
    await page.getByRole('button', { name: text.auth.signIn.submit }).click();
    await expectH1(page, text.pages.dashboard.title);
  });

  it('works on a phone-sized screen: the navigation collapses behind a toggle', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/settings/aws`);
    await expectH1(page, text.settings.title);
    const nav = page.getByRole('link', { name: text.nav.resources, exact: true });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: text.app.toggleNavigation }).click();
    await nav.waitFor({ state: 'visible' });
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'settings-aws-mobile', lang, { fullPage: false });
    await nav.click();
    await expect
      .poll(() => page.getByRole('heading', { name: text.pages.resources.emptyTitle }).count())
      .toBe(1);
    expect(await nav.isVisible()).toBe(false); // the menu closes after navigating
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: fillTemplate(text.userMenu.label, { username }) }).click();
    await page.getByRole('button', { name: text.userMenu.signOut }).click();
    await expectH1(page, text.auth.signIn.title);
    await page.goto(`${server.baseUrl}/settings/aws`);
    await expectH1(page, text.auth.signIn.title); // the guard holds after sign-out
  });
});
