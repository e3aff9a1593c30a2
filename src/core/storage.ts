/**
 * The storage contract. Two implementations (local directory, S3 bucket) live in src/storage and
 * pass one shared contract suite. Only src/storage/keys.ts knows the key layout.
 */
export interface StoredObject {
  body: Buffer;
  /** Opaque version tag; pass it back as `ifMatch` for compare-and-swap. */
  etag: string;
}

export interface PutOptions {
  /** Write only if the current version has this etag (compare-and-swap). */
  ifMatch?: string;
  /** `'*'`: write only if the key does not exist yet (create-only). */
  ifNoneMatch?: '*';
  contentType?: string;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  get(key: string): Promise<StoredObject | null>;
  /**
   * The key's current etag without its body (null when missing): a cheap freshness check for
   * callers that keep a parsed copy of a mutable document (src/storage/parsed-cache.ts).
   */
  head(key: string): Promise<{ etag: string } | null>;
  /** Atomic: readers see the old or the new body, never a part. Throws PreconditionFailedError. */
  put(key: string, body: Buffer | string, options?: PutOptions): Promise<{ etag: string }>;
  delete(key: string): Promise<void>;
  /** Every key below `prefix` (recursive), sorted ascending. */
  list(prefix: string): Promise<string[]>;
}

export class PreconditionFailedError extends Error {
  constructor(
    public readonly key: string,
    reason: 'exists' | 'changed' | 'missing',
  ) {
    super(`Conditional write to ${key} refused: ${reason}`);
    this.name = 'PreconditionFailedError';
  }
}

export class InvalidKeyError extends Error {
  constructor(key: string, why: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 200))}: ${why}`);
    this.name = 'InvalidKeyError';
  }
}
