import type { StoredObject } from '../../src/core/storage.js';
import { WrappedStorage } from './wrapped-storage.js';

/** A Storage that counts the reads (get, head, list) passed to the one it wraps: proves what a request costs. */
export class CountingStorage extends WrappedStorage {
  readonly gets: string[] = [];
  readonly lists: string[] = [];
  /** Freshness checks of cached documents (etag only, no body). */
  readonly heads: string[] = [];

  reset(): void {
    this.gets.length = 0;
    this.lists.length = 0;
    this.heads.length = 0;
  }

  override get(key: string): Promise<StoredObject | null> {
    this.gets.push(key);
    return this.inner.get(key);
  }

  override head(key: string): Promise<{ etag: string } | null> {
    this.heads.push(key);
    return this.inner.head(key);
  }

  override list(prefix: string): Promise<string[]> {
    this.lists.push(prefix);
    return this.inner.list(prefix);
  }
}
