import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { motoClientConfig } from '../../test/support/moto.js';
import { createPriceBook } from './index.js';
import { parsePriceList } from './live-parser.js';

/** Entries shaped like a recorded GetProducts answer (AmazonEC2, aws_v1), trimmed to what matters. */
function product(
  family: string,
  attributes: Record<string, string>,
  unit: string,
  usd: string,
  beginRange = '0',
) {
  return JSON.stringify({
    product: { productFamily: family, attributes: { servicecode: 'AmazonEC2', ...attributes }, sku: 'SKU1' },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        'SKU1.JRTCKXETXF': {
          offerTermCode: 'JRTCKXETXF',
          effectiveDate: '2025-05-01T00:00:00Z',
          priceDimensions: {
            'SKU1.JRTCKXETXF.6YS6EN2CT7': {
              unit,
              endRange: 'Inf',
              beginRange,
              description: `$${usd} per unit`,
              rateCode: 'SKU1.JRTCKXETXF.6YS6EN2CT7',
              pricePerUnit: { USD: usd },
            },
          },
        },
      },
    },
    version: '20250501000000',
    publicationDate: '2025-05-01T00:00:00Z',
  });
}
const linux = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' };
const SAMPLE = [
  product(
    'Compute Instance',
    { ...linux, regionCode: 'us-east-1', instanceType: 'm5.large' },
    'Hrs',
    '0.0960000000',
  ),
  product(
    'Compute Instance',
    { ...linux, regionCode: 'us-east-1', instanceType: 'm5.xlarge', tenancy: 'Dedicated' },
    'Hrs',
    '0.2112000000',
  ),
  product(
    'Compute Instance',
    { ...linux, regionCode: 'ap-northeast-2', instanceType: 't3.micro' },
    'Hrs',
    '0.0130000000',
  ),
  product('Storage', { regionCode: 'us-east-1', volumeApiName: 'gp3' }, 'GB-Mo', '0.0800000000'),
  product(
    'System Operation',
    { regionCode: 'us-east-1', volumeApiName: 'io2', group: 'EBS IOPS' },
    'IOPS-Mo',
    '0.0650000000',
  ),
  product(
    'System Operation',
    { regionCode: 'us-east-1', volumeApiName: 'io2', group: 'EBS IOPS' },
    'IOPS-Mo',
    '0.0455000000',
    '32000',
  ),
  '{not json',
];

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'prices-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('Price List API', () => {
  it('parses a recorded GetProducts sample: Linux shared hourly, GB-Mo storage, first-tier IOPS', () => {
    const live = parsePriceList(SAMPLE, '2025-06-10');
    expect(live.ec2Hourly).toEqual({
      'us-east-1': { 'm5.large': 0.096 },
      'ap-northeast-2': { 't3.micro': 0.013 },
    });
    expect(live.ebsGbMonth['us-east-1']).toEqual({ gp3: 0.08 });
    expect(live.ebsIopsMonth['us-east-1']).toEqual({ io2: 0.065 });
  });

  it('answers from live prices (source price-list-api) and caches them; the table fills the gaps', async () => {
    const cacheDir = await tempDir();
    const fetcher = vi.fn(async () => SAMPLE);
    const now = new Date('2025-06-10T00:00:00Z');
    const book = await createPriceBook({ live: true, regions: ['us-east-1'], cacheDir, fetcher, now });
    expect(book.source).toBe('price-list-api');
    expect(book.ec2InstanceHourly('us-east-1', 'm5.large')).toMatchObject({
      usd: 0.096,
      source: 'price-list-api',
      asOf: '2025-06-10',
    });
    expect(book.ec2InstanceHourly('us-east-1', 'c5.large')).toMatchObject({ usd: 0.085, source: 'embedded' });
    expect(book.snapshotGbMonth('us-east-1')?.source).toBe('embedded');

    const again = await createPriceBook({ live: true, regions: ['us-east-1'], cacheDir, fetcher, now });
    expect(again.source).toBe('price-list-api');
    expect(fetcher).toHaveBeenCalledTimes(1);
    const stale = await createPriceBook({
      live: true,
      regions: ['us-east-1'],
      cacheDir,
      fetcher,
      now: new Date('2025-06-30T00:00:00Z'),
    });
    expect(stale.source).toBe('price-list-api');
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('falls back to the embedded table when the API does not answer (moto has no Pricing API)', async () => {
    const book = await createPriceBook({
      live: true,
      regions: ['us-east-1'],
      cacheDir: await tempDir(),
      clientConfig: motoClientConfig('us-east-1'),
      timeoutMs: 10_000,
    });
    expect(book.source).toBe('embedded');
    expect(book.fallbackReason).toBeTruthy();
    expect(book.ec2InstanceHourly('us-east-1', 'm5.large')).toMatchObject({ usd: 0.096, source: 'embedded' });
  });

  it('falls back when the fetch throws or times out, and uses the table alone when not live', async () => {
    const failing = await createPriceBook({
      live: true,
      fetcher: async () => Promise.reject(new Error('ThrottlingException')),
    });
    expect(failing.source).toBe('embedded');
    expect(failing.fallbackReason).toContain('ThrottlingException');
    const hanging = await createPriceBook({
      live: true,
      timeoutMs: 50,
      fetcher: (_regions, signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    expect(hanging.source).toBe('embedded');
    expect((await createPriceBook()).source).toBe('embedded');
  });
});
