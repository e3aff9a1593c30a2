import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { deriveKey } from '../config/crypto.js';
import { CSRF_HEADER } from '../shared/api/common.js';
import { ApiHttpError } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'again.csrf';

/**
 * Security headers with a strict CSP: everything from our own origin, no inline scripts. HSTS
 * only when TRUST_PROXY is set (a TLS-terminating proxy in front): over plain HTTP it means nothing.
 */
export async function registerSecurityHeaders(app: FastifyInstance, behindProxy: boolean): Promise<void> {
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
    strictTransportSecurity: behindProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // API answers carry sessions' data and secrets: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}

/** A global ceiling per client address; in Redis mode shared by every web instance. */
export async function registerRateLimit(
  app: FastifyInstance,
  perMinute: number,
  redis?: Redis,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    // The web client's hashed bundle files: one page load fetches a dozen chunks, and a refused
    // chunk (a JSON 429 where a script or stylesheet was expected) leaves a blank page.
    allowList: (request) => request.url.startsWith('/assets/'),
    ...(redis ? { redis, nameSpace: 'again:rate-limit:' } : {}),
    errorResponseBuilder: (_request, context) =>
      new ApiHttpError(429, 'rate_limited', 'Too many requests; slow down', {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
}

/** The host a browser's Origin (or Referer) names, or null when it names none usable. */
function sourceHost(request: FastifyRequest): string | null | undefined {
  const origin = request.headers.origin ?? request.headers.referer;
  if (origin === undefined) return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" origins (sandboxed frames, file:) and garbage
  }
}

/**
 * CSRF, signed double-submit: GET /api/auth/csrf sets a signed, HttpOnly secret cookie (no
 * server-side session) and returns a token that must come back in the x-csrf-token header on
 * EVERY state-changing request, sign-in and registration included. Second line: a browser's
 * Origin (or Referer) on such a request must name this server's host.
 */
export async function registerCsrf(app: FastifyInstance, secretKey: string): Promise<void> {
  await app.register(fastifyCookie, { secret: deriveKey(secretKey, 'csrf-cookie-signing').toString('hex') });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: 'auto' },
    getToken: (request) => {
      const value = request.headers[CSRF_HEADER];
      return typeof value === 'string' ? value : undefined;
    },
  });
}

/** Call after the token hook: a verified bearer token is never sent by a browser on its own. */
export function requireCsrfOnStateChanges(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!STATE_CHANGING.has(request.method) || request.apiToken) {
      done();
      return;
    }
    const host = sourceHost(request);
    if (host !== undefined && host !== request.host) {
      done(new ApiHttpError(403, 'origin_mismatch', 'This request came from another site'));
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}
