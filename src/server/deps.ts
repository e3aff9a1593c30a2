import type { Logger } from 'pino';
import { type AuditLog, createAuditLog } from '../auth/audit.js';
import { createInviteService, type InviteService } from '../auth/invites.js';
import { AttemptLimit, LoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle.js';
import { createRegistration, type Registration } from '../auth/registration.js';
import { type AuthStores, createAuthStores } from '../auth/stores.js';
import { loadIamActions } from '../aws/iam-policy.js';
import { type ConnectionService, createConnectionService } from '../connections/service.js';
import type { StsClientFactory } from '../connections/sts.js';
import type { Storage } from '../core/storage.js';
import { createFileLogger, createLogger } from '../logging/logger.js';
import { DocumentCache } from '../storage/cache.js';
import { DocumentStore } from '../storage/documents.js';
import { createStorage } from '../storage/index.js';
import { createUserService, type UserService } from '../users/service.js';
import type { AppConfig } from './config.js';
import { deriveKey } from './crypto.js';

/** Registrations one address may attempt per hour (taken names included: no cheap name probing). */
export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 10;

/** Everything routes need, built once at start-up. Other parts ADD optional fields here. */
export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  storage: Storage;
  documents: DocumentStore;
  users: UserService;
  connections: ConnectionService;
  /** Sessions and counters: Storage-backed (embedded) or Redis (REDIS_URL). */
  authStores: AuthStores;
  loginThrottle: LoginThrottle;
  registrationLimit: AttemptLimit;
  registration: Registration;
  invites: InviteService;
  audit: AuditLog;
  /** IAM actions the collectors need (the IAM policy page). */
  iamActions: () => string[];
  now: () => Date;
  /** Built web client (dist/web); absent folder → a clear "not built" page. */
  webRoot?: string;
  /** Global request ceiling per client address per minute. */
  rateLimitPerMinute?: number;
}

export interface DepsOverrides {
  logger?: Logger;
  storage?: Storage;
  now?: () => Date;
  bcryptCost?: number;
  loginThrottle?: LoginThrottleOptions;
  registrationsPerHour?: number;
  stsClientFactory?: StsClientFactory;
  iamActions?: () => string[];
  webRoot?: string;
  rateLimitPerMinute?: number;
}

export async function createDeps(config: AppConfig, overrides: DepsOverrides = {}): Promise<AppDeps> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, logDir: config.logDir });
  const now = overrides.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const storage = overrides.storage ?? createStorage(config);
  const documents = new DocumentStore(storage, new DocumentCache());
  const users = createUserService({
    documents,
    now,
    bcryptCost: overrides.bcryptCost,
    passwordPepper: deriveKey(config.secretKey, 'password-pepper'),
  });
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
  const authStores = createAuthStores({ redisUrl: config.redisUrl, documents, now: nowMs });
  const invites = createInviteService({ documents, now });
  return {
    config,
    logger,
    storage,
    documents,
    users,
    connections,
    authStores,
    loginThrottle: new LoginThrottle(authStores.counters, nowMs, overrides.loginThrottle),
    registrationLimit: new AttemptLimit(authStores.counters, 'register:address', nowMs, {
      max: overrides.registrationsPerHour ?? REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      windowMs: 3_600_000,
    }),
    registration: createRegistration({ mode: config.allowRegistration, documents, users, invites }),
    invites,
    audit: createAuditLog({ documents, file: createFileLogger('audit.log', config.logDir), logger, now }),
    iamActions,
    now,
    webRoot: overrides.webRoot,
    rateLimitPerMinute: overrides.rateLimitPerMinute,
  };
}
