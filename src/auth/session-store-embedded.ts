import { z } from 'zod';
import type { DocumentStore } from '../storage/documents.js';
import { keys } from '../storage/keys.js';
import { type SessionStore, StoredSession } from './session-store.js';

const SessionDocument = z.object({ session: StoredSession, expiresAt: z.number() });
const EpochDocument = z.object({ epoch: z.number().int().min(0) });
const SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * Sessions in the project's Storage (local directory or S3): a restart of the web process keeps
 * everyone signed in. One process serves the embedded mode, so generations are cached in memory
 * after the first read; expired session documents are swept at most once an hour.
 */
export class EmbeddedSessionStore implements SessionStore {
  readonly kind = 'embedded' as const;
  private readonly epochs = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly documents: DocumentStore,
    private readonly now: () => number,
  ) {}

  async get(idHash: string): Promise<StoredSession | null> {
    const stored = await this.documents.getJson(keys.authSession(idHash), SessionDocument).catch(() => null);
    if (!stored) return null;
    if (stored.value.expiresAt <= this.now()) {
      await this.destroy(idHash);
      return null;
    }
    return stored.value.session;
  }

  async set(idHash: string, session: StoredSession, ttlMs: number): Promise<void> {
    await this.documents.putJson(keys.authSession(idHash), { session, expiresAt: this.now() + ttlMs });
    if (this.now() - this.lastSweep > SWEEP_INTERVAL_MS) {
      this.lastSweep = this.now();
      void this.sweep().catch(() => undefined);
    }
  }

  async destroy(idHash: string): Promise<void> {
    await this.documents.delete(keys.authSession(idHash));
  }

  async epochOf(username: string): Promise<number> {
    const cached = this.epochs.get(username);
    if (cached !== undefined) return cached;
    const stored = await this.documents.getJson(keys.sessionEpoch(username), EpochDocument);
    const epoch = stored?.value.epoch ?? 0;
    this.epochs.set(username, epoch);
    return epoch;
  }

  async bumpEpoch(username: string): Promise<number> {
    const next = await this.documents.updateJson(keys.sessionEpoch(username), EpochDocument, (current) => ({
      epoch: (current?.epoch ?? 0) + 1,
    }));
    this.epochs.set(username, next.epoch);
    return next.epoch;
  }

  /** Deletes expired session documents nobody came back for. */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const key of await this.documents.list(keys.authSessionsPrefix)) {
      const stored = await this.documents.getJson(key, SessionDocument).catch(() => null);
      if (stored && stored.value.expiresAt > this.now()) continue;
      await this.documents.delete(key);
      removed++;
    }
    return removed;
  }
}
