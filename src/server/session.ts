import fastifyCookie from '@fastify/cookie';
import fastifySession, { type SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyRequest, Session } from 'fastify';
import { LRUCache } from 'lru-cache';
import { deriveKey } from '../config/crypto.js';
import type { TokenIdentity } from '../tokens/service.js';
import { ApiHttpError } from './errors.js';

declare module 'fastify' {
  interface Session {
    /** Set only by a successful login/registration; the sole source of the user id. */
    username?: string;
    signedInAt?: string;
    /** The user's session generation at sign-in; a password change moves it on (see revokeOtherSessions). */
    epoch?: number;
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

  /**
   * Per-user session generation. A signed-in session carries the generation it was created in;
   * raising a user's generation (password change) invalidates every older session of that user
   * without scanning the store. In memory, like the sessions themselves: a restart drops both.
   */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The generation a session signing in now must carry. */
  epochOf(username: string): number {
    return this.epochs.get(username) ?? 0;
  }

  /** Invalidates every session of the user signed in so far; returns the new generation. */
  revokeUser(username: string): number {
    const next = this.epochOf(username) + 1;
    this.epochs.set(username, next);
    return next;
  }

  private isRevoked(session: Session): boolean {
    return session.username !== undefined && (session.epoch ?? 0) < this.epochOf(session.username);
  }

  set(sessionId: string, session: Session, callback: (err?: unknown) => void): void {
    this.sessions.set(sessionId, { session, lastSeen: this.now() });
    callback();
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    const entry = this.sessions.get(sessionId);
    const alive = entry && this.now() - entry.lastSeen <= this.idleMs && !this.isRevoked(entry.session);
    if (entry && !alive) this.sessions.delete(sessionId);
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

/** The session store behind `request.session` (registered by registerSessions). */
function storeOf(request: FastifyRequest): IdleSessionStore {
  const store = request.sessionStore;
  if (!(store instanceof IdleSessionStore)) throw new Error('sessions are not registered');
  return store;
}

/** Stamps a just-signed-in session with its user's current generation. */
export function markSignedIn(request: FastifyRequest, username: string, signedInAt: Date): void {
  request.session.username = username;
  request.session.signedInAt = signedInAt.toISOString();
  request.session.epoch = storeOf(request).epochOf(username);
}

/**
 * Signs out every session of the user (call, then sign the current request in again under a new
 * session id, so only this browser stays signed in).
 */
export function revokeUserSessions(request: FastifyRequest, username: string): void {
  storeOf(request).revokeUser(username);
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
