import { awsBaseConfig } from '../aws/config.js';
import type { AppConfig } from '../config/config.js';
import type { Storage } from '../core/storage.js';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';

export { DocumentCache } from './cache.js';
export { DocumentStore } from './documents.js';
export { keys } from './keys.js';
export { LocalStorage } from './local.js';
export { ParsedDocumentCache } from './parsed-cache.js';
export { S3Storage } from './s3.js';

export type StorageConfig = Pick<
  AppConfig,
  'dataBucketName' | 'dataDir' | 'awsRegion' | 'awsCredentials' | 'awsEndpointUrl'
>;

/** S3 when DATA_BUCKET_NAME is set, else the local data directory. */
export function createStorage(config: StorageConfig): Storage {
  if (config.dataBucketName) {
    return new S3Storage(config.dataBucketName, {
      ...awsBaseConfig(config, config.awsRegion),
      maxAttempts: 3,
    });
  }
  return new LocalStorage(config.dataDir);
}
