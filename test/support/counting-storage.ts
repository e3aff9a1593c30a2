import type { PutOptions, Storage, StoredObject } from '../../src/core/storage.js';

/** A Storage that counts the reads (get, head, list) passed to the one it wraps: proves what a request costs. */
export class CountingStorage implements Storage {
  readonly gets: string[] = [];
  readonly lists: string[] = [];
  /** Freshness checks of cached documents (etag only, no body). */
  readonly heads: string[] = [];

  constructor(private readonly inner: Storage) {}

  get kind() {
    return this.inner.kind;
  }

  reset(): void {
    this.gets.length = 0;
    this.lists.length = 0;
    this.heads.length = 0;
  }

  get(key: string): Promise<StoredObject | null> {
    this.gets.push(key);
    return this.inner.get(key);
  }

  head(key: string): Promise<{ etag: string } | null> {
    this.heads.push(key);
    return this.inner.head(key);
  }

  put(key: string, body: Buffer | string, options?: PutOptions): Promise<{ etag: string }> {
    return this.inner.put(key, body, options);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  list(prefix: string): Promise<string[]> {
    this.lists.push(prefix);
    return this.inner.list(prefix);
  }
}
