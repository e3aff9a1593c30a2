import { hashSessionId, type SessionStore, type StoredSession } from './session-store.js';

export interface SessionPolicyOptions {
  idleMs: number;
  /** Signed in for longer than this, a session ends however active it is. */
  absoluteMs: number;
  now: () => number;
  /** lastSeenAt is rewritten at most this often (a write per request would be a write per click). */
  touchIntervalMs?: number;
}

/** What a request's session holds once signed in (see server/session.ts). */
export interface SignedInFields {
  username: string;
  signedInAt: number;
  epoch: number;
  lastSeenAt?: number;
}

/**
 * The session rules, once, over any SessionStore: idle timeout, absolute lifetime, generations
 * (a password change raises the user's generation and every older session ends). Only signed-in
 * sessions are ever written; ids are hashed before they reach the store.
 */
export class SessionPolicy {
  private readonly touchIntervalMs: number;

  constructor(
    readonly store: SessionStore,
    private readonly options: SessionPolicyOptions,
  ) {
    this.touchIntervalMs = options.touchIntervalMs ?? 60_000;
  }

  private expired(session: StoredSession, now: number): boolean {
    return (
      now - session.lastSeenAt > this.options.idleMs || now - session.signedInAt > this.options.absoluteMs
    );
  }

  /** The live session of this id, or null (an ended session is removed from the store). */
  async load(sessionId: string): Promise<StoredSession | null> {
    const idHash = hashSessionId(sessionId);
    const session = await this.store.get(idHash);
    if (!session) return null;
    const ended =
      this.expired(session, this.options.now()) ||
      session.epoch < (await this.store.epochOf(session.username));
    if (!ended) return session;
    await this.store.destroy(idHash);
    return null;
  }

  /** Saves a signed-in session (anonymous ones are never stored), throttling pure touches. */
  async save(sessionId: string, fields: SignedInFields): Promise<StoredSession> {
    const now = this.options.now();
    const fresh = fields.lastSeenAt !== undefined && now - fields.lastSeenAt < this.touchIntervalMs;
    const session: StoredSession = {
      username: fields.username,
      signedInAt: fields.signedInAt,
      epoch: fields.epoch,
      lastSeenAt: fresh && fields.lastSeenAt !== undefined ? fields.lastSeenAt : now,
    };
    if (fresh) return session;
    const untilAbsolute = fields.signedInAt + this.options.absoluteMs - now;
    await this.store.set(
      hashSessionId(sessionId),
      session,
      Math.max(1, Math.min(this.options.idleMs, untilAbsolute)),
    );
    return session;
  }

  async destroy(sessionId: string): Promise<void> {
    await this.store.destroy(hashSessionId(sessionId));
  }

  async epochOf(username: string): Promise<number> {
    return await this.store.epochOf(username);
  }

  /** Ends every session of the user signed in so far. */
  async revokeUser(username: string): Promise<void> {
    await this.store.bumpEpoch(username);
  }
}
