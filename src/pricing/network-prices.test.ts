/** NAT gateway and load balancer hourly prices: the embedded table and the Price List API answer. */
import { describe, expect, it } from 'vitest';
import { embeddedPriceBook } from './embedded.js';
import { livePriceBook } from './index.js';
import { parsePriceList } from './live-parser.js';

/** A GetProducts entry trimmed to what the parser reads (AmazonEC2 / AWSELB, aws_v1). */
function product(family: string, attributes: Record<string, string>, unit: string, usd: string) {
  return JSON.stringify({
    product: { productFamily: family, attributes, sku: 'SKU1' },
    terms: {
      OnDemand: {
        'SKU1.T': { priceDimensions: { 'SKU1.T.D': { unit, beginRange: '0', pricePerUnit: { USD: usd } } } },
      },
    },
  });
}

describe('network prices', () => {
  it('embeds the us-east-1 list prices of CHECKS.md: NAT 0.045, ALB/NLB 0.0225, Classic 0.025 USD/hour', () => {
    const book = embeddedPriceBook();
    expect(book.natGatewayHourly('us-east-1')).toMatchObject({
      usd: 0.045,
      unit: 'hour',
      source: 'embedded',
    });
    expect(book.loadBalancerHourly('us-east-1', 'application')?.usd).toBe(0.0225);
    expect(book.loadBalancerHourly('us-east-1', 'network')?.usd).toBe(0.0225);
    expect(book.loadBalancerHourly('us-east-1', 'classic')?.usd).toBe(0.025);
    expect(book.natGatewayHourly('ap-northeast-2')?.usd).toBeGreaterThan(0.045);
    expect(book.natGatewayHourly('mars-north-1')).toBeUndefined();
  });

  it('embeds the regional NAT and load balancer prices confirmed on 2026-12-06 (see embedded-table.ts)', () => {
    const book = embeddedPriceBook();
    const nat = (region: string) => book.natGatewayHourly(region)?.usd;
    const lb = (region: string, type: 'application' | 'network') =>
      book.loadBalancerHourly(region, type)?.usd;
    expect([nat('ap-northeast-1'), nat('ap-southeast-1')]).toEqual([0.062, 0.059]);
    for (const region of ['eu-west-1', 'eu-central-1']) {
      expect(nat(region)).toBeGreaterThanOrEqual(0.048);
      expect(nat(region)).toBeLessThanOrEqual(0.052);
    }
    expect([lb('ap-northeast-1', 'application'), lb('ap-northeast-1', 'network')]).toEqual([0.0243, 0.0243]);
    expect([lb('eu-west-1', 'application'), lb('eu-west-1', 'network')]).toEqual([0.0252, 0.0252]);
  });

  it('reads hourly NAT and load balancer prices from the Price List, not per-GB or capacity-unit lines', () => {
    const live = parsePriceList(
      [
        product('NAT Gateway', { regionCode: 'eu-west-1', usagetype: 'EU-NatGateway-Hours' }, 'Hrs', '0.048'),
        product('NAT Gateway', { regionCode: 'eu-west-1', usagetype: 'EU-NatGateway-Bytes' }, 'GB', '0.048'),
        product(
          'Load Balancer-Application',
          { regionCode: 'eu-west-1', usagetype: 'EU-LoadBalancerUsage' },
          'Hrs',
          '0.0252',
        ),
        product(
          'Load Balancer-Application',
          { regionCode: 'eu-west-1', usagetype: 'EU-LCUUsage' },
          'LCU-Hrs',
          '0.008',
        ),
        product(
          'Load Balancer-Network',
          { regionCode: 'eu-west-1', usagetype: 'EU-LoadBalancerUsage' },
          'Hrs',
          '0.0252',
        ),
        product(
          'Load Balancer',
          { regionCode: 'eu-west-1', usagetype: 'EU-LoadBalancerUsage' },
          'Hrs',
          '0.028',
        ),
        product(
          'Load Balancer',
          { regionCode: 'eu-west-1', usagetype: 'EU-DataProcessing-Bytes' },
          'GB',
          '0.008',
        ),
      ],
      '2025-06-10',
    );
    expect(live.natGatewayHourly).toEqual({ 'eu-west-1': 0.048 });
    expect(live.loadBalancerHourly).toEqual({
      'eu-west-1': { application: 0.0252, network: 0.0252, classic: 0.028 },
    });
    const book = livePriceBook(live);
    expect(book.natGatewayHourly('eu-west-1')).toMatchObject({ usd: 0.048, source: 'price-list-api' });
    expect(book.loadBalancerHourly('eu-west-1', 'classic')).toMatchObject({
      usd: 0.028,
      source: 'price-list-api',
    });
    // Regions the API did not answer for come from the table.
    expect(book.loadBalancerHourly('us-east-1', 'classic')).toMatchObject({ usd: 0.025, source: 'embedded' });
  });
});
