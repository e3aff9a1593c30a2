import { join } from 'node:path';
import { awsBaseConfig } from '../aws/config.js';
import type { AppConfig } from '../config/config.js';
import type { PriceBook } from '../core/prices.js';
import { type CreatedPriceBook, createPriceBook } from '../pricing/index.js';

/** A table used because the API failed is retried after this long; a live answer is kept. */
const RETRY_AFTER_FALLBACK_MS = 60 * 60 * 1000;

let cached: { book: Promise<CreatedPriceBook>; at: number } | undefined;

/**
 * One PriceBook per process: building it may ask the Price List API, which is slow and
 * rate-limited. Live prices are asked only when the server has its own AWS credentials and is not
 * pointed at an emulator (which has no Price List API); otherwise the embedded dated table.
 */
export function processPriceBook(
  config: Pick<AppConfig, 'awsCredentials' | 'awsEndpointUrl' | 'dataDir'>,
  now: () => number = Date.now,
): Promise<PriceBook> {
  const stale = async () => {
    if (!cached) return true;
    const book = await cached.book;
    return book.fallbackReason !== undefined && now() - cached.at > RETRY_AFTER_FALLBACK_MS;
  };
  return (async () => {
    if (await stale()) {
      cached = {
        at: now(),
        book: createPriceBook({
          live: config.awsCredentials !== undefined && config.awsEndpointUrl === undefined,
          cacheDir: join(config.dataDir, 'cache', 'prices'),
          clientConfig: awsBaseConfig(config, 'us-east-1'),
        }),
      };
    }
    return await (cached as NonNullable<typeof cached>).book;
  })();
}

/** Tests: forget the process-wide book. */
export function resetProcessPriceBook(): void {
  cached = undefined;
}
