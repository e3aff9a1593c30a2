import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { pino } from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { composeApp } from '../../src/app/compose.js';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import { startLatencyProxy } from './latency-proxy.js';
import { motoEndpoint, testCredentials } from './moto.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const WEB_ROOT = resolve('dist/web');
export const SCREENSHOT_DIR = resolve('docs/screenshots');

/**
 * Never skip: a missing browser fails the suite with the command that fixes it, in CI and locally
 * alike (a skipped browser suite would look green while testing nothing).
 */
export function assertChromium(path = CHROMIUM_PATH): void {
  if (existsSync(path)) return;
  const where = process.env.CI === 'true' ? 'CI' : 'this machine';
  throw new Error(
    `Chromium is missing at ${path} on ${where}. Install it with: apt-get install chromium ` +
      '(the browser suite needs it and is never skipped).',
  );
}

export interface RunningConsole {
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Every AWS call the console makes waits this long first (a proxy in front of the emulator). */
  awsLatencyMs?: number;
  /** Where AWS calls go instead of the emulator itself (a gate in front of it). */
  awsEndpoint?: string;
  /** ALLOW_REGISTRATION (default: open sign-up). */
  allowRegistration?: 'open' | 'invite';
}

/**
 * The real server in-process on a free port: temp data and log dirs, the test worker's moto
 * emulator as AWS, and the built web client (dist/web).
 */
export async function startConsole(options: ConsoleOptions = {}): Promise<RunningConsole> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `The web client is not built (${WEB_ROOT}): run "npm run build:web" (npm run test:browser does).`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'again-console-browser-'));
  const proxy = options.awsLatencyMs
    ? await startLatencyProxy(motoEndpoint(), options.awsLatencyMs)
    : undefined;
  const config = loadConfig({
    DATA_DIR: join(dataDir, 'data'),
    LOG_DIR: join(dataDir, 'logs'),
    LOG_LEVEL: 'warn',
    SECRET_KEY: 'browser-suite-secret-key-0123456789',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: proxy?.endpoint ?? options.awsEndpoint ?? motoEndpoint(),
    AWS_ACCESS_KEY: testCredentials.accessKeyId,
    AWS_SECRET_KEY: testCredentials.secretAccessKey,
    HOST: '127.0.0.1',
    // The suite's Slack/webhook receivers listen on 127.0.0.1 (the SSRF guard refuses it otherwise).
    NOTIFY_ALLOW_LOCAL_HTTP: 'true',
    ...(options.allowRegistration ? { ALLOW_REGISTRATION: options.allowRegistration } : {}),
  });
  // A low bcrypt cost keeps sign-ups fast here; the production cost is tested in the unit suite.
  // Warnings go to stderr only: no log files (and no rotation worker) for a throw-away server.
  const logger = pino({ level: 'warn' });
  const deps = await composeApp(config, {
    webRoot: WEB_ROOT,
    bcryptCost: 4,
    logger,
    // Every browser suite registers its users from 127.0.0.1.
    registrationsPerHour: 10_000,
  });
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await app.close();
      await proxy?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors: a test should end with none. */
  pageErrors: string[];
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium with a fresh profile (its own --user-data-dir, removed on close), speaking
 * `locale` (navigator.language and Accept-Language) in `timezoneId`.
 */
export async function openBrowser(
  locale: string,
  options: { timezoneId?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), 'again-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    timezoneId: options.timezoneId ?? 'Asia/Seoul',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    // Bootstrap turns its colour transitions off for reduced motion: axe then measures final
    // colours, not a tab caught half-way through turning active (a contrast flake seen here).
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the app handles those (a wrong password is a 401 by design).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      pageErrors.push(`console: ${message.text()}`);
    }
  });
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Fails with a readable list when axe finds serious or critical violations on the page. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map(
        (v) =>
          `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${page.url()}:\n${report}`);
  }
}

/**
 * docs/screenshots/<name>-<lang>.webp, full page unless told otherwise. Lossless WebP: the same
 * pixels as the browser's PNG (text stays sharp) at a quarter to a third of the size, so the README
 * loads quickly.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  lang: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Web fonts must be in before the picture is taken, or Korean text shows in a fallback face.
  await page.evaluate('document.fonts.ready.then(() => true)');
  const path = join(SCREENSHOT_DIR, `${name}-${lang}.webp`);
  const png = await page.screenshot({ fullPage: options.fullPage ?? true, animations: 'disabled' });
  await writeFile(path, await sharp(png).webp({ lossless: true, effort: 6 }).toBuffer());
  return path;
}
