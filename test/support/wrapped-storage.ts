import type { PutOptions, Storage, StoredObject } from '../../src/core/storage.js';

/**
 * A Storage that passes every call to the one it wraps: the base of the tests' storages that
 * count, refuse or fail some calls (they override only those).
 */
export class WrappedStorage implements Storage {
  constructor(protected readonly inner: Storage) {}

  get kind() {
    return this.inner.kind;
  }
  get(key: string): Promise<StoredObject | null> {
    return this.inner.get(key);
  }
  head(key: string): Promise<{ etag: string } | null> {
    return this.inner.head(key);
  }
  put(key: string, body: Buffer | string, options?: PutOptions): Promise<{ etag: string }> {
    return this.inner.put(key, body, options);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
}
