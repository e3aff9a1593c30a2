import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetProductsCommand, PricingClient, type PricingClientConfig } from '@aws-sdk/client-pricing';
import type { PriceBook } from '../core/prices.js';
import { embeddedPriceBook } from './embedded.js';
import { PRICED_REGIONS } from './embedded-table.js';
import { type LivePrices, livePricesSchema, parsePriceList } from './live-parser.js';

export { embeddedPriceBook } from './embedded.js';
export { PRICE_TABLE_DATE } from './embedded-table.js';

/** Fetches raw GetProducts PriceList entries for the regions (replaceable in tests). */
export type PriceListFetcher = (regions: string[], signal: AbortSignal) => Promise<string[]>;

export interface CreatePriceBookOptions {
  /** Ask the Price List API (default false: the embedded table only). */
  live?: boolean;
  regions?: string[];
  /** Where fetched prices are cached (a day-stamped JSON file); no cache when absent. */
  cacheDir?: string;
  /** Client settings for the Pricing API (credentials, emulator endpoint). */
  clientConfig?: PricingClientConfig;
  fetcher?: PriceListFetcher;
  /** Give up on the API after this long (default 20 s) and use the table. */
  timeoutMs?: number;
  /** Cached prices younger than this are reused (default 7 days). */
  cacheMaxAgeDays?: number;
  now?: Date;
}

export type CreatedPriceBook = PriceBook & { source: 'price-list-api' | 'embedded'; fallbackReason?: string };

/** The Price List API is served from us-east-1 (and ap-south-1); prices cover every region. */
function sdkFetcher(config: PricingClientConfig = {}): PriceListFetcher {
  return async (regions, signal) => {
    const client = new PricingClient({ region: 'us-east-1', maxAttempts: 2, ...config });
    const items: string[] = [];
    try {
      const queries: [string, string[][]][] = regions.flatMap((region): [string, string[][]][] => [
        [
          'AmazonEC2',
          [
            ['regionCode', region],
            ['productFamily', 'Compute Instance'],
            ['operatingSystem', 'Linux'],
            ['tenancy', 'Shared'],
            ['preInstalledSw', 'NA'],
            ['capacitystatus', 'Used'],
          ],
        ],
        [
          'AmazonEC2',
          [
            ['regionCode', region],
            ['productFamily', 'Storage'],
          ],
        ],
        [
          'AmazonEC2',
          [
            ['regionCode', region],
            ['group', 'EBS IOPS'],
          ],
        ],
        [
          'AmazonEC2',
          [
            ['regionCode', region],
            ['productFamily', 'NAT Gateway'],
          ],
        ],
        ['AWSELB', [['regionCode', region]]],
      ]);
      for (const [ServiceCode, filters] of queries) {
        let NextToken: string | undefined;
        do {
          const page = await client.send(
            new GetProductsCommand({
              ServiceCode,
              Filters: filters.map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
              FormatVersion: 'aws_v1',
              MaxResults: 100,
              NextToken,
            }),
            { abortSignal: signal },
          );
          items.push(...(page.PriceList ?? []));
          NextToken = page.NextToken;
        } while (NextToken);
      }
    } finally {
      client.destroy();
    }
    return items;
  };
}

async function readCache(file: string, maxAgeDays: number, now: Date): Promise<LivePrices | undefined> {
  try {
    const cached = livePricesSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const ageDays = (now.getTime() - Date.parse(cached.asOf)) / 86_400_000;
    return ageDays <= maxAgeDays ? cached : undefined;
  } catch {
    return undefined; // missing, unreadable or stale-format cache: fetch again
  }
}

async function writeCache(file: string, prices: LivePrices): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(prices));
  await rename(tmp, file); // atomic: readers never see half a file
}

/** A PriceBook answering from live prices where it has them, else from the embedded table. */
export function livePriceBook(live: LivePrices, fallback: PriceBook = embeddedPriceBook()): PriceBook {
  const quote = (usd: number | undefined, unit: 'hour' | 'GB-month' | 'IOPS-month', region: string) =>
    usd === undefined ? undefined : { usd, unit, source: 'price-list-api' as const, asOf: live.asOf, region };
  return {
    ...fallback,
    ec2InstanceHourly: (region, type, platform = 'linux') =>
      (platform === 'linux' ? quote(live.ec2Hourly[region]?.[type], 'hour', region) : undefined) ??
      fallback.ec2InstanceHourly(region, type, platform),
    ebsGbMonth: (region, type) =>
      quote(live.ebsGbMonth[region]?.[type], 'GB-month', region) ?? fallback.ebsGbMonth(region, type),
    ebsIopsMonth: (region, type) =>
      // gp3's IOPS line is for IOPS above the free 3,000, as in the embedded table.
      quote(live.ebsIopsMonth[region]?.[type], 'IOPS-month', region) ?? fallback.ebsIopsMonth(region, type),
    natGatewayHourly: (region) =>
      quote(live.natGatewayHourly[region], 'hour', region) ?? fallback.natGatewayHourly(region),
    loadBalancerHourly: (region, type) =>
      quote(live.loadBalancerHourly[region]?.[type], 'hour', region) ??
      fallback.loadBalancerHourly(region, type),
  };
}

/**
 * The price book for an advisor run: the live Price List API (cached) when asked and it answers,
 * otherwise the embedded dated table. Never throws: a failing API means the table, with the reason.
 */
export async function createPriceBook(options: CreatePriceBookOptions = {}): Promise<CreatedPriceBook> {
  const embedded = embeddedPriceBook();
  if (!options.live) return { ...embedded, source: 'embedded' };
  const now = options.now ?? new Date();
  const regions = [...new Set(options.regions ?? PRICED_REGIONS)].sort();
  const cacheFile = options.cacheDir
    ? join(options.cacheDir, `price-list-${regions.join('+')}.json`)
    : undefined;
  const cached = cacheFile ? await readCache(cacheFile, options.cacheMaxAgeDays ?? 7, now) : undefined;
  if (cached) return { ...livePriceBook(cached, embedded), source: 'price-list-api' };

  const fetcher = options.fetcher ?? sdkFetcher(options.clientConfig);
  try {
    const items = await fetcher(regions, AbortSignal.timeout(options.timeoutMs ?? 20_000));
    const live = parsePriceList(items, now.toISOString().slice(0, 10));
    if (Object.keys(live.ec2Hourly).length === 0)
      throw new Error('the Price List API returned no EC2 prices');
    if (cacheFile && options.cacheDir) {
      await mkdir(options.cacheDir, { recursive: true });
      await writeCache(cacheFile, live);
    }
    return { ...livePriceBook(live, embedded), source: 'price-list-api' };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...embedded, source: 'embedded', fallbackReason: reason.slice(0, 300) };
  }
}
