/**
 * Sign-in state: the SessionStore and RateCounter ports (Storage-backed, or Redis with
 * REDIS_URL), the login throttle and registration limit over the counters, registration
 * (open or invite-only), invites and the audit log.
 */
import type { Logger } from 'pino';
import { createAuditLog } from '../auth/audit.js';
import { createInviteService } from '../auth/invites.js';
import { AttemptLimit, LoginThrottle, type LoginThrottleOptions } from '../auth/login-throttle.js';
import { createRegistration } from '../auth/registration.js';
import { createAuthStores } from '../auth/stores.js';
import type { AppConfig } from '../config/config.js';
import { createFileLogger } from '../logging/logger.js';
import type { DocumentStore } from '../storage/documents.js';
import type { UserService } from '../users/service.js';

/** Registrations one address may attempt per hour (taken names included: no cheap name probing). */
export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = 10;

export function composeSignIn(
  config: AppConfig,
  options: {
    documents: DocumentStore;
    logger: Logger;
    users: UserService;
    now: () => Date;
    loginThrottle?: LoginThrottleOptions;
    registrationsPerHour?: number;
  },
) {
  const { documents, now } = options;
  const nowMs = () => now().getTime();
  const authStores = createAuthStores({ redisUrl: config.redisUrl, documents, now: nowMs });
  const invites = createInviteService({ documents, now });
  const audit = createAuditLog({
    documents,
    file: createFileLogger('audit.log', config.logDir),
    logger: options.logger,
    now,
  });
  return {
    authStores,
    loginThrottle: new LoginThrottle(authStores.counters, nowMs, options.loginThrottle),
    registrationLimit: new AttemptLimit(authStores.counters, 'register:address', nowMs, {
      max: options.registrationsPerHour ?? REGISTRATIONS_PER_ADDRESS_PER_HOUR,
      windowMs: 3_600_000,
    }),
    registration: createRegistration({
      mode: config.allowRegistration,
      documents,
      users: options.users,
      invites,
    }),
    invites,
    audit,
    async close() {
      await authStores.close();
      await audit.close();
    },
  };
}
