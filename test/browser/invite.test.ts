/**
 * An invite-only server (ALLOW_REGISTRATION=invite) in the browser, in Korean and English: the
 * first user becomes the admin and creates an invite in Settings → Account; sign-up without an
 * invite is refused with a message that says why; the invite link fills the code in and the new
 * user registers with it; the admin then sees the invite as used. axe passes on every screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, type RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  expectH1,
  fillTemplate,
  LANGUAGES,
  pageApi,
  submitRegisterForm,
} from '../support/browser-session.js';

describe.each(LANGUAGES)('invite-only registration in $locale', ({ locale, lang, text }) => {
  // One server per language: each needs its own first user (the admin).
  let server: RunningConsole;
  consolePerFile(
    undefined,
    (started) => {
      server = started;
    },
    { allowRegistration: 'invite' },
  );
  let page: Page;
  const suite = browserPerSuite({ locale, name: `invite-${lang}` }, (opened) => {
    page = opened.page;
  });
  const admin = `admin-${lang}`;
  const invited = `invited-${lang}`;
  const password = `invite ${lang} passphrase 1`;
  let inviteLink = '';

  const register = (username: string) =>
    submitRegisterForm(page, { baseUrl: server.baseUrl, text, username, password });
  const signOut = async (username: string) => {
    await page.getByRole('button', { name: fillTemplate(text.userMenu.label, { username }) }).click();
    await page.getByRole('button', { name: text.userMenu.signOut }).click();
    await expectH1(page, text.auth.signIn.title);
  };
  const openAccountSettings = async () => {
    await page.getByRole('link', { name: text.nav.settings }).click();
    await page.getByRole('link', { name: text.settings.tabs.account, exact: true }).click();
  };

  it('the first user registers without an invite and, as the admin, creates one', async () => {
    await register(admin);
    await expectH1(page, text.pages.dashboard.title);
    await openAccountSettings();
    await page.getByRole('heading', { name: text.settings.invites.title }).waitFor();
    await page.getByText(text.settings.invites.empty).waitFor();
    await page.getByRole('button', { name: text.settings.invites.create }).click();
    const link = page.getByRole('textbox', { name: text.settings.invites.link, exact: true });
    await link.waitFor();
    inviteLink = await link.inputValue();
    const code = await page
      .getByRole('textbox', { name: text.settings.invites.code, exact: true })
      .inputValue();
    expect(inviteLink).toBe(`${server.baseUrl}/register?invite=${encodeURIComponent(code)}`);
    const rows = page.getByTestId('invites').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(text.settings.invites.unused);
    await expectNoSeriousA11yViolations(page);
  });

  it('refuses sign-up without an invite, in the form and at the server, and says why', async () => {
    await signOut(admin);
    await register(invited);
    // The form asks for the code before sending anything.
    const inviteField = page.getByLabel(text.auth.register.inviteCode, { exact: true });
    await expect.poll(() => page.getByText(text.errors.invite_required).count()).toBe(1);
    expect(await inviteField.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page);
    // A made-up code reaches the server, which refuses it.
    await inviteField.fill('not-a-real-invite-code');
    await page.getByRole('button', { name: text.auth.register.submit }).click();
    await expect.poll(() => page.getByText(text.errors.invite_invalid).count()).toBe(1);
    // The API itself refuses a sign-up that carries no invite (not just the form).
    const direct = await pageApi(page, 'POST', '/api/auth/register', { username: invited, password });
    expect(direct.status).toBe(403);
    expect(direct.json).toMatchObject({ error: { code: 'invite_required' } });
    expect(page.url()).toBe(`${server.baseUrl}/register`);
  });

  it('the invite link fills the code in and the new user registers with it', async () => {
    await page.goto(inviteLink);
    const inviteField = page.getByLabel(text.auth.register.inviteCode, { exact: true });
    await expect.poll(() => inviteField.inputValue()).toBe(new URL(inviteLink).searchParams.get('invite'));
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel(text.auth.username, { exact: true }).fill(invited);
    await page.getByLabel(text.auth.password, { exact: true }).fill(password);
    await page.getByLabel(text.auth.confirmPassword, { exact: true }).fill(password);
    await page.getByRole('button', { name: text.auth.register.submit }).click();
    await expectH1(page, text.pages.dashboard.title);
    // An invited user is not the admin: no invites in their settings.
    await openAccountSettings();
    await page.getByRole('heading', { name: text.settings.audit.title }).waitFor();
    expect(await page.getByRole('heading', { name: text.settings.invites.title }).count()).toBe(0);
  });

  it('the admin sees the invite used by the new user', async () => {
    await signOut(invited);
    await page.getByLabel(text.auth.username, { exact: true }).fill(admin);
    await page.getByLabel(text.auth.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: text.auth.signIn.submit }).click();
    await expectH1(page, text.pages.dashboard.title);
    await openAccountSettings();
    const rows = page.getByTestId('invites').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect
      .poll(() => rows.first().textContent())
      .toContain(fillTemplate(text.settings.invites.usedBy, { username: invited }));
    await expectNoSeriousA11yViolations(page);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
