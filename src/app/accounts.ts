/** Users, their AWS connections (and the organizations behind them) and their API tokens. */
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { deriveKey } from '../config/crypto.js';
import { createConnectionService } from '../connections/service.js';
import type { StsClientFactory } from '../connections/sts.js';
import { createScopeResolver } from '../orgs/scope.js';
import { createOrgService } from '../orgs/service.js';
import type { DocumentStore } from '../storage/documents.js';
import { createTokenService } from '../tokens/service.js';
import { createUserService } from '../users/service.js';

export function composeAccounts(
  config: AppConfig,
  deps: {
    documents: DocumentStore;
    logger: Logger;
    now: () => Date;
    bcryptCost?: number;
    stsClientFactory?: StsClientFactory;
  },
) {
  const { documents, logger, now } = deps;
  const users = createUserService({
    documents,
    now,
    bcryptCost: deps.bcryptCost,
    passwordPepper: deriveKey(config.secretKey, 'password-pepper'),
  });
  const connections = createConnectionService({
    config,
    documents,
    getExternalId: (username) => users.getExternalId(username),
    logger: logger.child({ component: 'connections' }),
    now,
    stsClientFactory: deps.stsClientFactory,
  });
  const orgs = createOrgService({
    connections,
    documents,
    now,
    ...(config.awsEndpointUrl ? { endpoint: config.awsEndpointUrl } : {}),
  });
  const tokens = createTokenService({
    documents,
    now,
    onBackgroundError: (error) => logger.warn({ err: error }, 'could not record API token use'),
  });
  /** A page's account scope as a test on runs and collections (GET /api/dashboard…). */
  const resolveScope = createScopeResolver({ connections, orgs });
  return { users, connections, orgs, tokens, resolveScope };
}
