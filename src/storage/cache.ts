import { LRUCache } from 'lru-cache';
import type { StoredObject } from '../core/storage.js';
import { keys } from './keys.js';

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * In-memory LRU of stored objects bounded in BYTES (not entries: one snapshot document can be
 * megabytes). It only ever holds keys that keys.isImmutable() vouches for, so a hit can never be
 * stale and no cross-process invalidation is needed.
 */
export class DocumentCache {
  private readonly lru: LRUCache<string, StoredObject>;

  constructor(maxBytes = DEFAULT_CACHE_BYTES) {
    this.lru = new LRUCache<string, StoredObject>({
      maxSize: maxBytes,
      // Objects larger than a quarter of the budget would just churn everything else out.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
      sizeCalculation: (value, key) => Math.max(1, value.body.byteLength + key.length),
    });
  }

  get(key: string): StoredObject | undefined {
    return this.lru.get(key);
  }

  /** Remembers `value` only when the key is immutable; returns whether it was kept. */
  remember(key: string, value: StoredObject): boolean {
    if (!keys.isImmutable(key)) return false;
    this.lru.set(key, value);
    return this.lru.has(key);
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
