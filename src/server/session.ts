import fastifySession, { type SessionStore as FastifySessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyRequest, Session } from 'fastify';
import { SessionPolicy } from '../auth/session-policy.js';
import type { SessionStore } from '../auth/session-store.js';
import { deriveKey } from '../config/crypto.js';
import type { TokenIdentity } from '../tokens/service.js';
import { ApiHttpError } from './errors.js';

declare module 'fastify' {
  interface Session {
    /** Set only by a successful sign-in; the sole source of the user id. */
    username?: string;
    /** Epoch milliseconds of the sign-in (absolute lifetime). */
    signedInAt?: number;
    /** The user's session generation at sign-in; a password change moves it on. */
    epoch?: number;
    /** When the store last recorded activity (idle timeout). */
    lastSeenAt?: number;
  }
  interface FastifyRequest {
    /** Set only by the bearer-token hook (tokens-auth.ts) after the token was verified. */
    apiToken?: TokenIdentity | null;
  }
  interface FastifyInstance {
    sessionPolicy: SessionPolicy;
  }
}

export const SESSION_COOKIE = 'again.sid';

/** @fastify/session's callback store over the SessionPolicy (hashing, expiry, generations). */
function fastifyStoreOf(policy: SessionPolicy): FastifySessionStore {
  return {
    get(sessionId, callback) {
      policy.load(sessionId).then(
        (session) => callback(null, session as Session | null),
        (error: unknown) => callback(error),
      );
    },
    set(sessionId, session, callback) {
      const { username, signedInAt, epoch } = session;
      if (username === undefined || signedInAt === undefined || epoch === undefined) {
        callback(); // anonymous: never stored
        return;
      }
      policy.save(sessionId, { username, signedInAt, epoch, lastSeenAt: session.lastSeenAt }).then(
        (saved) => {
          session.lastSeenAt = saved.lastSeenAt;
          callback();
        },
        (error: unknown) => callback(error),
      );
    },
    destroy(sessionId, callback) {
      policy.destroy(sessionId).then(
        () => callback(),
        (error: unknown) => callback(error),
      );
    },
  };
}

export interface SessionOptions {
  secretKey: string;
  idleMinutes: number;
  absoluteHours: number;
  store: SessionStore;
  now: () => number;
}

/** Registers @fastify/session over the store; @fastify/cookie must already be registered. */
export async function registerSessions(
  app: FastifyInstance,
  options: SessionOptions,
): Promise<SessionPolicy> {
  const idleMs = options.idleMinutes * 60_000;
  const policy = new SessionPolicy(options.store, {
    idleMs,
    absoluteMs: options.absoluteHours * 3_600_000,
    now: options.now,
  });
  app.decorate('sessionPolicy', policy);
  await app.register(fastifySession, {
    secret: deriveKey(options.secretKey, 'session-cookie-signing').toString('hex'),
    cookieName: SESSION_COOKIE,
    store: fastifyStoreOf(policy),
    saveUninitialized: false,
    rolling: true,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // Secure whenever the request is HTTPS (directly, or per X-Forwarded-Proto with TRUST_PROXY).
      secure: 'auto',
      maxAge: idleMs,
    },
  });
  return policy;
}

/** A fresh session id at sign-in (defeats fixation), stamped with the user's current generation. */
export async function signInSession(request: FastifyRequest, username: string, at: Date): Promise<void> {
  const epoch = await request.server.sessionPolicy.epochOf(username);
  await request.session.regenerate();
  request.session.username = username;
  request.session.signedInAt = at.getTime();
  request.session.epoch = epoch;
}

/** Ends this browser's session (the store forgets it; the cookie is cleared). */
export async function signOutSession(request: FastifyRequest): Promise<void> {
  if (request.session?.username !== undefined) await request.session.destroy();
}

/** Signs out every session of the user (sign the current request in again afterwards). */
export async function revokeUserSessions(request: FastifyRequest, username: string): Promise<void> {
  await request.server.sessionPolicy.revokeUser(username);
}

/** The user of a verified API token, else of the session; throws the 401 API error when neither. */
export function getUsername(request: FastifyRequest): string {
  const username = request.apiToken?.username ?? request.session?.username;
  if (!username) throw new ApiHttpError(401, 'unauthenticated', 'Sign in first');
  return username;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable while signed out (sign-in handshake, health). Everything else under /api is not. */
    public?: boolean;
  }
}

/**
 * Deny by default: every matched /api route needs a signed-in session unless it is marked
 * `config: { public: true }`. Runs before validation, so a signed-out caller learns nothing about
 * a route's input rules, and a route someone adds later cannot forget the check.
 */
export function requireSignInByDefault(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || request.routeOptions.config?.public) return;
    // From here on every line of this request (and its "request completed") carries its user
    // beside Fastify's reqId.
    request.log = request.log.child({ user: getUsername(request) });
    reply.log = request.log;
  });
}
