/**
 * Settings → API tokens in the browser, in Korean and English: create a token (validation first),
 * see its secret once, call the API with it from the test (no cookie, only the bearer header), see
 * it listed with dates in the viewer's time zone, revoke it in the UI, and see the same call refused.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, type RunningConsole, saveScreenshot } from '../support/browser.js';
import {
  browserPerSuite,
  consolePerFile,
  fillTemplate,
  LANGUAGES,
  signUp,
} from '../support/browser-session.js';

// Two zones far apart, so a date shown in the server's or UTC's zone would not match.
const TIME_ZONES = { ko: 'Asia/Seoul', en: 'America/Los_Angeles' } as const;
const RUNS = LANGUAGES.map((run) => ({ ...run, timezoneId: TIME_ZONES[run.lang] }));

/**
 * What the viewer should see for `iso` in `timeZone`: the console's format (date, time, zone name),
 * written out here rather than imported so a page that used the wrong zone cannot agree with
 * itself. Formatted by the page's own Intl, since Node's ICU words some parts differently.
 */
const inZone = (page: Page, locale: string, iso: string, timeZone: string) =>
  page.evaluate(
    ([l, i, z]) =>
      new Intl.DateTimeFormat(l, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone: z,
      }).format(new Date(i)),
    [locale, iso, timeZone] as const,
  );

let server: RunningConsole;

consolePerFile(undefined, (started) => {
  server = started;
});

/** A call as a script would make it: Node's fetch, the bearer header, no session cookie. */
async function callWithToken(secret: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/collections`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  await response.body?.cancel();
  return response.status;
}

describe.each(RUNS)('API tokens in $locale', ({ locale, lang, text, timezoneId }) => {
  let page: Page;
  const tk = text.settings.tokens;
  const tokenName = `ci-${lang}`;
  let secret = '';

  const suite = browserPerSuite({ locale, name: `tokens-${lang}`, timezoneId }, (opened) => {
    page = opened.page;
  });

  it('a new user opens Settings → API tokens and sees the empty list, the form and the usage hint', async () => {
    await signUp(page, {
      baseUrl: server.baseUrl,
      text,
      username: `tokens-${lang}`,
      password: `tokens ${lang} password 1`,
    });

    await page.getByRole('link', { name: text.nav.settings }).click();
    await page.getByRole('link', { name: text.settings.tabs.tokens, exact: true }).click();
    await page.waitForURL('**/settings/tokens');
    await page.getByRole('heading', { name: tk.title, exact: true }).waitFor();
    await expect.poll(() => page.getByText(tk.empty).count()).toBe(1);
    expect(await page.getByRole('heading', { name: tk.form.title }).count()).toBe(1);
    const usage = await page.locator('pre.policy-json').textContent();
    expect(usage).toContain('Authorization: Bearer');
    expect(usage).toContain(`${server.baseUrl}/api/collections`);
    expect(await page.getByRole('link', { name: tk.usage.docs }).getAttribute('href')).toBe('/api/docs');
  });

  it('rejects an empty name and an out-of-range expiry with localized messages', async () => {
    await page.getByLabel(new RegExp(tk.form.expiresInDays.replace(/[()]/g, '\\$&'))).fill('400');
    await page.getByRole('button', { name: tk.form.submit }).click();
    await expect.poll(() => page.getByText(text.errors.token_name_required).count()).toBe(1);
    expect(await page.getByText(text.errors.token_days_invalid).count()).toBe(1);
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    await expectNoSeriousA11yViolations(page); // the error state too
  });

  it('creates a token and shows its secret once, with a warning and a copy button', async () => {
    await page.getByLabel(tk.form.name, { exact: true }).fill(tokenName);
    await page.getByRole('radio', { name: tk.scopes.read, exact: true }).check();
    await page.getByLabel(new RegExp(tk.form.expiresInDays.replace(/[()]/g, '\\$&'))).fill('30');
    await page.getByRole('button', { name: tk.form.submit }).click();

    const box = page.getByTestId('token-secret');
    await box.waitFor();
    expect(await box.textContent()).toContain(tk.secret.warning);
    expect(await box.textContent()).toContain(fillTemplate(tk.secret.title, { name: tokenName }));
    secret = await box.getByRole('textbox', { name: tk.secret.label, exact: true }).inputValue();
    expect(secret).toMatch(/^agc_[^_\s]+_\S{16,}$/);
    expect(await page.getByRole('button', { name: tk.secret.copy }).count()).toBe(1);

    // Listed with its scope, its hint, "not used yet" and dates in the viewer's own time zone.
    const row = page.getByTestId('api-tokens').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(tokenName);
    expect(rowText).toContain(tk.scopes.read);
    expect(rowText).toContain(secret.slice(-4));
    expect(rowText).toContain(tk.neverUsed);
    const listed = await page.evaluate(async () => (await (await fetch('/api/tokens')).json()) as unknown);
    const { tokens } = listed as { tokens: { createdAt: string; expiresAt: string | null }[] };
    const [token] = tokens;
    expect(token?.expiresAt).not.toBeNull();
    const days = (Date.parse(token?.expiresAt ?? '') - Date.parse(token?.createdAt ?? '')) / 86_400_000;
    expect(days).toBe(30);
    expect(rowText).toContain(await inZone(page, locale, token?.expiresAt ?? '', timezoneId));
    expect(rowText).toContain(await inZone(page, locale, token?.createdAt ?? '', timezoneId));

    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'settings-tokens', lang);
  });

  it('the token works from outside the browser; once dismissed, the secret is gone for good', async () => {
    expect(await callWithToken(secret)).toBe(200);
    expect(await callWithToken(`${secret.slice(0, -1)}x`)).toBe(401); // a wrong secret is refused

    await page.getByRole('button', { name: tk.secret.done }).click();
    await expect.poll(() => page.getByTestId('token-secret').count()).toBe(0);
    await page.reload();
    const row = page.getByTestId('api-tokens').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.content()).not.toContain(secret);
    // The call above is recorded as the token's last use.
    expect(await row.textContent()).not.toContain(tk.neverUsed);
  });

  it('revokes the token after a confirmation; the same call is then refused', async () => {
    const row = page.getByTestId('api-tokens').locator('tbody tr', { hasText: tokenName });
    // The button's name carries the token's name for screen readers ("Revoke: ci-en").
    await row.getByRole('button', { name: new RegExp(`^${tk.revoke}\\W+${tokenName}$`) }).click();
    const dialog = page.getByRole('dialog', { name: tk.revokeTitle });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(fillTemplate(tk.revokeBody, { name: tokenName }));
    await dialog.getByRole('button', { name: tk.revokeConfirm, exact: true }).click();
    await expect.poll(() => page.getByText(fillTemplate(tk.revoked, { name: tokenName })).count()).toBe(1);
    await expect.poll(() => page.getByText(tk.empty).count()).toBe(1);
    expect(await callWithToken(secret)).toBe(401);
    await expectNoSeriousA11yViolations(page);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
