import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppDeps, type ComposeOptions, composeApp } from '../../src/app/compose.js';
import { loadConfig } from '../../src/config/config.js';
import type { Storage } from '../../src/core/storage.js';
import { createLogger } from '../../src/logging/logger.js';
import { buildApp } from '../../src/server/app.js';
import { CSRF_HEADER } from '../../src/shared/api/common.js';
import { LocalStorage } from '../../src/storage/local.js';
import { motoEndpoint, testCredentials } from './moto.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  storage: Storage;
  /** Every log line the app wrote (JSON strings), for secret-leak assertions. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  storage?: Storage;
  /** Extra environment (merged over test defaults: moto endpoint, fixed SECRET_KEY, temp DATA_DIR). */
  env?: Record<string, string>;
  /** Defaults to 4 for speed; 'production' uses the real default (12). */
  bcryptCost?: number | 'production';
  /** Anything else of the dependency graph (clock, STS factory, throttle limits…). */
  overrides?: ComposeOptions;
}

/** A full app (real plugins, routes, sessions) on temp local storage, talking to this worker's moto. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'again-app-'));
  const config = loadConfig({
    SECRET_KEY: 'test-secret-key-0123456789abcdef',
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    LOG_LEVEL: 'debug',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: motoEndpoint(),
    AWS_ACCESS_KEY: testCredentials.accessKeyId,
    AWS_SECRET_KEY: testCredentials.secretAccessKey,
    // The suites' Slack/webhook receivers listen on 127.0.0.1; test/notify/url-guard.test.ts turns it off.
    NOTIFY_ALLOW_LOCAL_HTTP: 'true',
    ...options.env,
  });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const storage = options.storage ?? new LocalStorage(dataDir);
  const deps = await composeApp(config, {
    logger: createLogger({ level: config.logLevel, stream }),
    storage,
    bcryptCost: options.bcryptCost === 'production' ? undefined : (options.bcryptCost ?? 4),
    rateLimitPerMinute: 10_000,
    // Suites register many users from one address; the limit itself is tested with a low value.
    registrationsPerHour: 10_000,
    ...options.overrides,
  });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    storage,
    logs,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Body = Record<string, unknown> | unknown[] | undefined;

/** A browser-like client over app.inject: keeps the session cookie and sends the CSRF header. */
export class Agent {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  username: string | undefined;
  /** Client address the app sees (login throttling is per address). */
  remoteAddress = '127.0.0.1';

  constructor(readonly app: FastifyInstance) {}

  /** The same browser (cookies, CSRF token, address) talking to another app: a restarted server. */
  on(app: FastifyInstance): Agent {
    const moved = new Agent(app);
    for (const [name, value] of this.cookies) moved.cookies.set(name, value);
    moved.csrfToken = this.csrfToken;
    moved.username = this.username;
    moved.remoteAddress = this.remoteAddress;
    return moved;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: NonNullable<InjectOptions['method']>,
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...(this.csrfToken ? { [CSRF_HEADER]: this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('PUT', url, body ?? {}, headers);
  patch = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('PATCH', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  /** Fetches a CSRF token (GET /api/auth/csrf) for later state-changing requests. */
  async fetchCsrf(): Promise<string> {
    const res = await this.get('/api/auth/csrf');
    if (res.statusCode !== 200) throw new Error(`csrf: ${res.statusCode} ${res.body}`);
    this.csrfToken = (res.json() as { token: string }).token;
    return this.csrfToken;
  }

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.fetchCsrf();
    const res = await this.post('/api/auth/login', { username, password });
    if (res.statusCode === 200) this.username = username;
    return res;
  }
}

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery';

/** An anonymous agent that already holds a CSRF token. */
export async function anonymousAgent(app: FastifyInstance): Promise<Agent> {
  const agent = new Agent(app);
  await agent.fetchCsrf();
  return agent;
}

/** Registers a new user (unique name by default) and returns an agent signed in as them. */
export async function signUp(
  app: FastifyInstance,
  username = `user-${randomBytes(4).toString('hex')}`,
  password = DEFAULT_TEST_PASSWORD,
): Promise<Agent> {
  const agent = await anonymousAgent(app);
  const res = await agent.post('/api/auth/register', { username, password });
  if (res.statusCode !== 201) throw new Error(`signUp(${username}) failed: ${res.statusCode} ${res.body}`);
  agent.username = username;
  return agent;
}
