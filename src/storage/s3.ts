import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  PreconditionFailedError,
  type PutOptions,
  type Storage,
  type StoredObject,
} from '../core/storage.js';
import { assertValidKey, assertValidPrefix } from './key-validation.js';

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/**
 * S3 backend. Create-only and compare-and-swap are S3 conditional writes (`If-None-Match: *`,
 * `If-Match: etag`), so concurrent servers sharing a bucket cannot overwrite each other.
 */
export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  /** Tail of the queue of conditional writes per key (see withKeyQueue). */
  private readonly keyQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly bucket: string,
    clientConfig: S3ClientConfig,
  ) {
    this.client = new S3Client(clientConfig);
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = Buffer.from((await out.Body?.transformToByteArray()) ?? new Uint8Array());
      return { body, etag: out.ETag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ etag: string } | null> {
    assertValidKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { etag: out.ETag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /**
   * Conditional writes to one key from THIS process run one at a time. Across processes S3's
   * conditional PutObject is the guarantee; inside one process the queue saves pointless 412
   * round trips, and keeps the guarantee on emulators whose conditional check is not atomic
   * (moto 5.2.1 lets two simultaneous `If-None-Match: *` PUTs both succeed about 1 time in 30).
   */
  private async withKeyQueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.keyQueues.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.keyQueues.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.keyQueues.get(key) === tail) this.keyQueues.delete(key);
    }
  }

  async put(key: string, body: Buffer | string, options: PutOptions = {}): Promise<{ etag: string }> {
    assertValidKey(key);
    const conditional = options.ifMatch !== undefined || options.ifNoneMatch !== undefined;
    return conditional
      ? await this.withKeyQueue(key, () => this.send(key, body, options))
      : await this.send(key, body, options);
  }

  private async send(key: string, body: Buffer | string, options: PutOptions): Promise<{ etag: string }> {
    try {
      const out = await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: typeof body === 'string' ? Buffer.from(body) : body,
          ContentType: options.contentType ?? 'application/json',
          IfMatch: options.ifMatch,
          IfNoneMatch: options.ifNoneMatch,
        }),
      );
      return { etag: out.ETag ?? '' };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412) throw new PreconditionFailedError(key, options.ifNoneMatch ? 'exists' : 'changed');
      // 409 ConditionalRequestConflict: a concurrent conditional write to the same key won.
      if (status === 409) throw new PreconditionFailedError(key, 'changed');
      if (status === 404 && options.ifMatch !== undefined) throw new PreconditionFailedError(key, 'missing');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    const found: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of out.Contents ?? []) if (item.Key) found.push(item.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found.sort();
  }

  destroy(): void {
    this.client.destroy();
  }
}
