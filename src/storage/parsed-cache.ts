import { LRUCache } from 'lru-cache';
import type { z } from 'zod';

/** Budget in bytes of the stored JSON behind the cached values (their parsed form takes a few times more). */
export const DEFAULT_PARSED_CACHE_BYTES = 32 * 1024 * 1024;

interface Entry {
  etag: string;
  /** The schema the value was parsed with: a read with another schema parses again. */
  schema: z.ZodType<unknown>;
  value: unknown;
  bytes: number;
}

/** Freezes a parsed JSON value all the way down: one cached value is shared by every request. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Parsed, validated copies of MUTABLE documents that are big and read on every request (the
 * roll-up and coverage indexes), keyed by storage key and remembered with the etag they were read
 * at. A copy is never trusted on its own: DocumentStore.getJsonFresh compares its etag with the
 * stored one (Storage.head) on every read, so a write by another process is seen at once. Values
 * are deep-frozen, since every request shares them. Bounded by the bytes of the stored JSON.
 */
export class ParsedDocumentCache {
  private readonly lru: LRUCache<string, Entry>;

  constructor(maxBytes = DEFAULT_PARSED_CACHE_BYTES) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 2)),
      sizeCalculation: (entry, key) => Math.max(1, entry.bytes + key.length),
    });
  }

  /** The copy of `key` parsed with `schema`, whatever its freshness (the caller checks the etag). */
  get<T>(key: string, schema: z.ZodType<T>): { value: T; etag: string } | undefined {
    const entry = this.lru.get(key);
    if (!entry || entry.schema !== schema) return undefined;
    // Sound: the value is what `schema` (the same object) returned when it was remembered.
    return { value: entry.value as T, etag: entry.etag };
  }

  /** Keeps a parsed copy (frozen in place) and returns it; an empty etag cannot be checked, so it is not kept. */
  remember<T>(key: string, etag: string, schema: z.ZodType<T>, value: T, bytes: number): T {
    deepFreeze(value);
    if (etag !== '') this.lru.set(key, { etag, schema, value, bytes });
    return value;
  }

  forget(key: string): void {
    this.lru.delete(key);
  }

  get sizeBytes(): number {
    return this.lru.calculatedSize;
  }

  get entries(): number {
    return this.lru.size;
  }
}
