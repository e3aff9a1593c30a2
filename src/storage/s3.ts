import {
  DeleteObjectCommand,
  GetObjectCommand,
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

  async put(key: string, body: Buffer | string, options: PutOptions = {}): Promise<{ etag: string }> {
    assertValidKey(key);
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
