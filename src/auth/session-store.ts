import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * One signed-in browser session as the store keeps it. Only signed-in sessions are ever stored
 * (anonymous visitors carry a signed CSRF cookie instead), so nothing anonymous can crowd out a
 * signed-in user.
 */
export const StoredSession = z.object({
  username: z.string(),
  /** Epoch milliseconds of the sign-in: the absolute lifetime counts from here. */
  signedInAt: z.number(),
  /** Epoch milliseconds of the last request that refreshed the session: the idle timeout. */
  lastSeenAt: z.number(),
  /** The user's session generation at sign-in (see SessionStore.bumpEpoch). */
  epoch: z.number().int().min(0),
});
export type StoredSession = z.infer<typeof StoredSession>;

/**
 * The session port. Adapters are plain key-value stores with expiry; the policy (idle timeout,
 * absolute lifetime, generations) lives once in session-bridge.ts. Every method takes the
 * SHA-256 of the session id, never the id itself: a leaked store cannot be replayed as cookies.
 */
export interface SessionStore {
  readonly kind: 'embedded' | 'redis';
  get(idHash: string): Promise<StoredSession | null>;
  /** Stores the session until `ttlMs` from now. */
  set(idHash: string, session: StoredSession, ttlMs: number): Promise<void>;
  destroy(idHash: string): Promise<void>;
  /** The user's current session generation (0 when never raised). */
  epochOf(username: string): Promise<number>;
  /** Raises the user's generation: every session signed in before is invalid. Returns the new one. */
  bumpEpoch(username: string): Promise<number>;
}

/** The only form in which a session id reaches a store. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}
