import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import {
  PreconditionFailedError,
  type PutOptions,
  type Storage,
  type StoredObject,
} from '../core/storage.js';
import type { DocumentCache } from './cache.js';
import type { ParsedDocumentCache } from './parsed-cache.js';

/** A stored document that is not valid JSON or does not match its schema. */
export class DocumentParseError extends Error {
  constructor(
    public readonly key: string,
    detail: string,
  ) {
    super(`Stored document ${key} is unreadable: ${detail}`);
    this.name = 'DocumentParseError';
  }
}

const MAX_CAS_ATTEMPTS = 60;

/** JSON documents on top of a Storage: zod-parsed reads, create-only and CAS writes. */
export class DocumentStore {
  constructor(
    readonly storage: Storage,
    private readonly cache?: DocumentCache,
    private readonly parsed?: ParsedDocumentCache,
  ) {}

  private async read(key: string): Promise<StoredObject | null> {
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const stored = await this.storage.get(key);
    if (stored) this.cache?.remember(key, stored);
    return stored;
  }

  private parse<T>(key: string, stored: StoredObject, schema: z.ZodType<T>): T {
    let raw: unknown;
    try {
      raw = JSON.parse(stored.body.toString('utf8'));
    } catch {
      throw new DocumentParseError(key, 'not JSON');
    }
    const result = schema.safeParse(raw);
    if (!result.success) throw new DocumentParseError(key, result.error.issues[0]?.message ?? 'invalid');
    return result.data;
  }

  async getJson<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null> {
    const stored = await this.read(key);
    if (!stored) return null;
    return { value: this.parse(key, stored, schema), etag: stored.etag };
  }

  /**
   * getJson for a big mutable document read on every request: the value parsed at the stored etag
   * is kept (./parsed-cache.ts), and a read whose document has not changed costs one head() instead
   * of a read, JSON.parse and validation. The value is frozen and shared: never mutate it.
   */
  async getJsonFresh<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T; etag: string } | null> {
    if (!this.parsed) return await this.getJson(key, schema);
    const cached = this.parsed.get(key, schema);
    if (cached) {
      const current = await this.storage.head(key);
      if (current?.etag === cached.etag) return cached;
    }
    const stored = await this.read(key);
    if (!stored) {
      this.parsed.forget(key);
      return null;
    }
    const value = this.parse(key, stored, schema);
    this.parsed.remember(key, stored.etag, schema, value, stored.body.byteLength);
    return { value, etag: stored.etag };
  }

  async putJson(key: string, value: unknown, options: PutOptions = {}): Promise<{ etag: string }> {
    const body = Buffer.from(JSON.stringify(value));
    this.cache?.forget(key);
    this.parsed?.forget(key);
    const { etag } = await this.storage.put(key, body, { contentType: 'application/json', ...options });
    this.cache?.remember(key, { body, etag });
    return { etag };
  }

  /** Writes only when the key does not exist yet; throws PreconditionFailedError otherwise. */
  async createJson(key: string, value: unknown): Promise<{ etag: string }> {
    return await this.putJson(key, value, { ifNoneMatch: '*' });
  }

  /**
   * Read-modify-write with compare-and-swap, retried on conflict so concurrent updates are never
   * lost. `fn` may run several times and must be pure; it receives null when the key is missing.
   */
  async updateJson<T>(key: string, schema: z.ZodType<T>, fn: (current: T | null) => T): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const current = await this.getJson(key, schema);
      const next = fn(current ? current.value : null);
      try {
        await this.putJson(key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
        return next;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
        lastError = error;
        // Jittered backoff spreads out writers that keep colliding.
        await sleep(Math.random() * Math.min(100, 5 * 2 ** Math.min(attempt, 5)));
      }
    }
    throw lastError;
  }

  async list(prefix: string): Promise<string[]> {
    return await this.storage.list(prefix);
  }

  async delete(key: string): Promise<void> {
    this.cache?.forget(key);
    this.parsed?.forget(key);
    await this.storage.delete(key);
  }
}
