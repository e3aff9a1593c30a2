import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app/compose.js';
import { OPENAPI_DOCUMENT, registerApiDocs } from './api-docs.js';
import { registerAuditHook } from './audit-hook.js';
import { installErrorHandler } from './errors.js';
import { registerRoutes } from './routes/index.js';
import {
  registerCsrf,
  registerRateLimit,
  registerSecurityHeaders,
  requireCsrfOnStateChanges,
} from './security.js';
import { registerSessions, requireSignInByDefault } from './session.js';
import { registerTokenAuth } from './tokens-auth.js';
import { registerWeb } from './web.js';

export type { AppDeps } from '../app/compose.js';

export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (from the onRoute hook): the security suite walks this list. */
    registeredRoutes: RegisteredRoute[];
  }
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const trustProxy = deps.config.trustProxy;
  const app: FastifyInstance = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // A hop count becomes the equivalent function (Fastify's types accept no number).
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // Our own ids: a client-sent x-request-id must not be able to forge log correlation.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  });

  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await registerSecurityHeaders(app, trustProxy !== false);
  await registerRateLimit(
    app,
    deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    deps.authStores.redis,
  );
  await app.register(fastifySwagger, { openapi: OPENAPI_DOCUMENT, transform: jsonSchemaTransform });
  await registerCsrf(app, deps.config.secretKey);
  await registerSessions(app, {
    secretKey: deps.config.secretKey,
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
    store: deps.authStores.sessions,
    now: () => deps.now().getTime(),
  });
  registerTokenAuth(app, deps);
  requireCsrfOnStateChanges(app);
  requireSignInByDefault(app);
  registerAuditHook(app, deps.audit);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  await registerApiDocs(app);
  await registerRoutes(app, deps);
  // The web server owns the root it serves: stopping this process's jobs ends their progress
  // streams, so open SSE sockets cannot hold the shutdown (preClose runs before sockets close).
  app.addHook('preClose', async () => deps.close());
  await registerWeb(app, deps.webRoot);
  return app;
}
