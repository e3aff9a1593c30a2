/**
 * What every browser scenario repeats: one run per language, a browser per describe block with
 * failure evidence, sign-up through the form, and the emulator account connected through the API.
 */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CSRF_HEADER } from '../../src/shared/api/common.js';
import { en } from '../../src/web/i18n/en.js';
import { ko } from '../../src/web/i18n/ko.js';
import {
  type BrowserSession,
  type ConsoleOptions,
  openBrowser,
  type RunningConsole,
  startConsole,
} from './browser.js';
import { motoClientConfig, resetMoto } from './moto.js';

/** Each browser scenario runs once in Korean and once in English. */
export const LANGUAGES = [
  { locale: 'ko-KR', lang: 'ko', text: ko },
  { locale: 'en-US', lang: 'en', text: en },
] as const;

/** The web client's messages in one language, as the tests read labels from them. */
export type UiText = (typeof LANGUAGES)[number]['text'];

/** Fills {{placeholders}} the way i18next does, to build the exact text the page must show. */
export const fillTemplate = (text: string, vars: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');

/**
 * The console for a test file: the emulator reset and `seed`ed before the server starts (the
 * server reads the account as it is), `started` told of it, and the server closed after the file.
 */
export function consolePerFile(
  seed: (() => Promise<void>) | undefined,
  started: (server: RunningConsole) => void,
  options: ConsoleOptions = {},
): void {
  let server: RunningConsole | undefined;
  beforeAll(async () => {
    await resetMoto();
    await seed?.();
    server = await startConsole(options);
    started(server);
  });
  afterAll(async () => server?.close());
}

export interface SuiteBrowserOptions {
  locale: string;
  /** Names the failure screenshots: test-results/<name>-<test name>.png (git-ignored). */
  name: string;
  timezoneId?: string;
  /** The window size (default 1280 × 860). */
  viewport?: { width: number; height: number };
  /** Playwright's per-action timeout, for scenarios that wait on collections (default 15 s). */
  actionTimeoutMs?: number;
  /** Also print the page's text when a test fails (what a screenshot cannot be searched for). */
  bodyTextOnFailure?: boolean;
}

/**
 * One browser for the enclosing describe block: opened before its tests (then `setup` runs with
 * it, e.g. to keep its page or sign up), closed after them. When a test fails, the page errors go
 * to stderr and a full-page screenshot to test-results/.
 */
export function browserPerSuite(
  options: SuiteBrowserOptions,
  setup: (session: BrowserSession) => Promise<void> | void,
): { readonly session: BrowserSession } {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowser(options.locale, {
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    if (options.actionTimeoutMs) session.page.setDefaultTimeout(options.actionTimeoutMs);
    await setup(session);
  });
  afterAll(async () => session?.close());
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session) return;
    const { page, pageErrors } = session;
    const body = options.bodyTextOnFailure ? ['\nbody text:', await page.locator('body').textContent()] : [];
    console.error('page errors:', pageErrors, ...body);
    await page.screenshot({
      path: `test-results/${options.name}-${context.task.name.slice(0, 40)}.png`,
      fullPage: true,
    });
  });
  return {
    get session() {
      if (!session) throw new Error('The browser opens in beforeAll: use it inside a hook or a test.');
      return session;
    },
  };
}

/** Waits (inside a test) until the page's one h1 is `name`. */
export async function expectH1(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).count()).toBe(1);
}

/** Fills and submits the register form; the caller waits for whatever page it expects next. */
export async function submitRegisterForm(
  page: Page,
  {
    baseUrl,
    text,
    username,
    password,
  }: { baseUrl: string; text: UiText; username: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel(text.auth.username, { exact: true }).fill(username);
  await page.getByLabel(text.auth.password, { exact: true }).fill(password);
  await page.getByLabel(text.auth.confirmPassword, { exact: true }).fill(password);
  await page.getByRole('button', { name: text.auth.register.submit }).click();
}

/**
 * Signs a new user up through the form and waits for the dashboard they land on: how most
 * scenarios start. The password defaults to one derived from the username.
 */
export async function signUp(
  page: Page,
  {
    baseUrl,
    text,
    username,
    password = `${username} password 1`,
  }: { baseUrl: string; text: UiText; username: string; password?: string },
): Promise<void> {
  await submitRegisterForm(page, { baseUrl, text, username, password });
  await page.getByRole('heading', { level: 1, name: text.pages.dashboard.title }).waitFor();
}

/** A same-origin API call from the page, as the web client makes it (session cookie + CSRF header). */
export async function pageApi(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([m, p, b, csrfHeader]) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (m !== 'GET') {
        headers[csrfHeader] = ((await (await fetch('/api/auth/csrf')).json()) as { token: string }).token;
      }
      const res = await fetch(p, {
        method: m,
        headers,
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
    },
    [method, path, body, CSRF_HEADER] as const,
  );
}

/** Refreshes an organization from the page (202: a job) and waits until the refresh has completed. */
export async function refreshOrganizationInPage(page: Page, orgId: string): Promise<void> {
  const started = await pageApi(page, 'POST', `/api/orgs/${orgId}/refresh`, {});
  if (started.status !== 202) throw new Error(`refresh: ${started.status} ${JSON.stringify(started.json)}`);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const { json } = await pageApi(page, 'GET', `/api/orgs/${orgId}`);
    const state = (json as { refresh?: { state?: string } } | null)?.refresh?.state;
    if (state === 'completed') return;
    if (state !== 'running') throw new Error(`refresh ended ${state}: ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the organization refresh did not finish within 60 s');
}

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A new IAM user in the emulator and its access keys. */
export async function createEmulatorKeys(userName: string, region = 'us-east-1'): Promise<AccessKeys> {
  const iam = new IAMClient(motoClientConfig(region));
  try {
    await iam.send(new CreateUserCommand({ UserName: userName }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
  } finally {
    iam.destroy();
  }
}

/** Stores `keys` as the signed-in user's AWS connection through the API (the form has its own test). */
export async function connectKeys(page: Page, keys: AccessKeys): Promise<void> {
  const res = await pageApi(page, 'POST', '/api/connections', { kind: 'keys', name: 'emulator', ...keys });
  expect(res.status).toBe(201);
}

/** A new emulator user's keys as the signed-in user's connection. */
export async function connectEmulatorUser(page: Page, userName: string, region = 'us-east-1'): Promise<void> {
  await connectKeys(page, await createEmulatorKeys(userName, region));
}
