import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '../shared/api/common.js';
import { ApiHttpError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers with a strict CSP: everything from our own origin, no inline scripts. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Bootstrap's CSS embeds its icons (checkboxes, selects) as data: SVGs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only means something over HTTPS; the proxy in front sets it when there is one.
    strictTransportSecurity: false,
  });
}

/** A global ceiling per client address; login has its own, stricter throttle (routes/auth.ts). */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new ApiHttpError(429, 'rate_limited', 'Too many requests; slow down', {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
}

/**
 * CSRF: the token from GET /api/auth/csrf (secret kept in the session) must come back in the
 * x-csrf-token header on EVERY state-changing request, login and registration included.
 */
export async function registerCsrf(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => {
      const value = request.headers[CSRF_HEADER];
      return typeof value === 'string' ? value : undefined;
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    // A verified bearer token (tokens-auth.ts) is never sent by a browser on its own: no CSRF.
    if (STATE_CHANGING.has(request.method) && !request.apiToken) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
}
