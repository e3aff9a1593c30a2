import type { Logger } from 'pino';
import { loadIamActions } from '../aws/iam-policy.js';
import { type ConnectionService, createConnectionService } from '../connections/service.js';
import type { StsClientFactory } from '../connections/sts.js';
import type { Storage } from '../core/storage.js';
import { createLogger } from '../logging/logger.js';
import { DocumentCache } from '../storage/cache.js';
import { DocumentStore } from '../storage/documents.js';
import { createStorage } from '../storage/index.js';
import { createUserService, type UserService } from '../users/service.js';
import type { AppConfig } from './config.js';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

/** Everything routes need, built once at start-up. Other parts ADD optional fields here. */
export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  storage: Storage;
  documents: DocumentStore;
  users: UserService;
  connections: ConnectionService;
  loginThrottle: LoginThrottle;
  /** IAM actions the collectors need (the IAM policy page). */
  iamActions: () => string[];
  now: () => Date;
  /** Built web client (dist/web); absent folder → a clear "not built" page. */
  webRoot?: string;
  /** Global request ceiling per client address per minute. */
  rateLimitPerMinute?: number;
  /** Delivery timeouts and scheduler timing (tests shorten them). */
  notify?: NotifyOptions;
}

export interface NotifyOptions {
  /** Per delivery attempt (default 10 s). */
  timeoutMs?: number;
  /** First retry delay, doubled for the next (default 2 s). */
  retryDelayMs?: number;
  /** How often the embedded scheduler checks the schedules (default 30 s). */
  schedulerIntervalMs?: number;
  /** false: the scheduler's timer is not started (tests call check() with their own clock). */
  startScheduler?: boolean;
  /** The scheduler's clock (tests move it to a tick without touching sessions). */
  schedulerNow?: () => Date;
}

export interface DepsOverrides {
  logger?: Logger;
  storage?: Storage;
  now?: () => Date;
  bcryptCost?: number;
  loginThrottle?: LoginThrottleOptions;
  stsClientFactory?: StsClientFactory;
  iamActions?: () => string[];
  webRoot?: string;
  rateLimitPerMinute?: number;
  notify?: NotifyOptions;
}

export async function createDeps(config: AppConfig, overrides: DepsOverrides = {}): Promise<AppDeps> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, logDir: config.logDir });
  const now = overrides.now ?? (() => new Date());
  const storage = overrides.storage ?? createStorage(config);
  const documents = new DocumentStore(storage, new DocumentCache());
  const users = createUserService({ documents, now, bcryptCost: overrides.bcryptCost });
  const connections = createConnectionService({
    config,
    documents,
    getExternalId: (username) => users.getExternalId(username),
    logger,
    now,
    stsClientFactory: overrides.stsClientFactory,
  });
  const iamActions =
    overrides.iamActions ??
    (await loadIamActions((error) =>
      logger.warn({ err: error }, 'collector registry unavailable; serving the original IAM policy'),
    ));
  return {
    config,
    logger,
    storage,
    documents,
    users,
    connections,
    loginThrottle: new LoginThrottle({ ...overrides.loginThrottle, now: () => now().getTime() }),
    iamActions,
    now,
    webRoot: overrides.webRoot,
    rateLimitPerMinute: overrides.rateLimitPerMinute,
    ...(overrides.notify ? { notify: overrides.notify } : {}),
  };
}
