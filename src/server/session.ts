import fastifyCookie from '@fastify/cookie';
import fastifySession, { type SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyRequest, Session } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { TokenIdentity } from '../tokens/service.js';
import { deriveKey } from './crypto.js';
import { ApiHttpError } from './errors.js';

declare module 'fastify' {
  interface Session {
    /** Set only by a successful login/registration; the sole source of the user id. */
    username?: string;
    signedInAt?: string;
  }
  interface FastifyRequest {
    /** Set only by the bearer-token hook (tokens-auth.ts) after the token was verified. */
    apiToken?: TokenIdentity | null;
  }
}

export const SESSION_COOKIE = 'again.sid';
const MAX_SESSIONS = 10_000;

/**
 * In-memory session store with an IDLE timeout: a session unused for `idleMs` is gone. Fastify
 * session saves on every request (rolling), which is what refreshes `lastSeen`. Bounded by an LRU
 * so a flood of anonymous sessions cannot exhaust memory. The clock is injectable for tests.
 */
export class IdleSessionStore implements SessionStore {
  private readonly sessions = new LRUCache<string, { session: Session; lastSeen: number }>({
    max: MAX_SESSIONS,
  });

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  set(sessionId: string, session: Session, callback: (err?: unknown) => void): void {
    this.sessions.set(sessionId, { session, lastSeen: this.now() });
    callback();
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    const entry = this.sessions.get(sessionId);
    if (entry && this.now() - entry.lastSeen > this.idleMs) this.sessions.delete(sessionId);
    const alive = entry && this.now() - entry.lastSeen <= this.idleMs;
    callback(null, alive ? entry.session : null);
  }

  destroy(sessionId: string, callback: (err?: unknown) => void): void {
    this.sessions.delete(sessionId);
    callback();
  }

  get size(): number {
    return this.sessions.size;
  }
}

export interface SessionOptions {
  secretKey: string;
  idleMinutes: number;
  now?: () => number;
}

export async function registerSessions(
  app: FastifyInstance,
  options: SessionOptions,
): Promise<IdleSessionStore> {
  const idleMs = options.idleMinutes * 60_000;
  const store = new IdleSessionStore(idleMs, options.now);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: deriveKey(options.secretKey, 'session-cookie-signing').toString('hex'),
    cookieName: SESSION_COOKIE,
    store,
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
  return store;
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
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || request.routeOptions.config?.public) return;
    getUsername(request);
  });
}
