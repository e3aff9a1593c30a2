import { z } from 'zod';

/** Prices taken from the Price List API, by region. Only what the checks price most often. */
export interface LivePrices {
  /** YYYY-MM-DD of the fetch. */
  asOf: string;
  /** region → instance type → USD/hour (Linux, shared tenancy, On-Demand). */
  ec2Hourly: Record<string, Record<string, number>>;
  /** region → volume type → USD per GB-month. */
  ebsGbMonth: Record<string, Record<string, number>>;
  /** region → volume type → USD per IOPS-month (first tier). */
  ebsIopsMonth: Record<string, Record<string, number>>;
  /** region → USD per NAT gateway-hour. */
  natGatewayHourly: Record<string, number>;
  /** region → load balancer type (application, network, classic) → USD per load balancer-hour. */
  loadBalancerHourly: Record<string, Record<string, number>>;
}

/** AWSELB product families → load balancer type. */
const LOAD_BALANCER_FAMILIES: Record<string, string> = {
  'Load Balancer-Application': 'application',
  'Load Balancer-Network': 'network',
  'Load Balancer': 'classic',
};

/** The parts of one GetProducts PriceList entry (a JSON string) that we read. */
const productSchema = z.object({
  product: z.object({
    productFamily: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
  }),
  terms: z.object({
    OnDemand: z
      .record(
        z.string(),
        z.object({
          priceDimensions: z.record(
            z.string(),
            z.object({
              unit: z.string(),
              beginRange: z.string().optional(),
              pricePerUnit: z.record(z.string(), z.string()),
            }),
          ),
        }),
      )
      .optional(),
  }),
});

/** The load balancer type of an AWSELB hourly product ("…LoadBalancerUsage"), else undefined. */
function lbType(family: string | undefined, usageType: string | undefined): string | undefined {
  if (!family || !usageType?.endsWith('LoadBalancerUsage')) return undefined;
  return LOAD_BALANCER_FAMILIES[family];
}

/** The On-Demand USD price of the first tier (beginRange 0), if any. */
function onDemandUsd(
  terms: z.infer<typeof productSchema>['terms'],
): { usd: number; unit: string } | undefined {
  for (const term of Object.values(terms.OnDemand ?? {})) {
    for (const dim of Object.values(term.priceDimensions)) {
      if (dim.beginRange !== undefined && dim.beginRange !== '0') continue;
      const usd = Number(dim.pricePerUnit.USD);
      if (Number.isFinite(usd) && usd > 0) return { usd, unit: dim.unit };
    }
  }
  return undefined;
}

function put(table: Record<string, Record<string, number>>, region: string, key: string, usd: number) {
  table[region] ??= {};
  table[region][key] = usd;
}

/** Parses GetProducts `PriceList` entries (AmazonEC2); unparseable or irrelevant entries are skipped. */
export function parsePriceList(items: readonly string[], asOf: string): LivePrices {
  const prices: LivePrices = {
    asOf,
    ec2Hourly: {},
    ebsGbMonth: {},
    ebsIopsMonth: {},
    natGatewayHourly: {},
    loadBalancerHourly: {},
  };
  for (const raw of items) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      continue;
    }
    const parsed = productSchema.safeParse(json);
    if (!parsed.success) continue;
    const { product, terms } = parsed.data;
    const a = product.attributes;
    const region = a.regionCode;
    const price = onDemandUsd(terms);
    if (!region || !price) continue;
    if (
      product.productFamily === 'Compute Instance' &&
      a.instanceType &&
      a.operatingSystem === 'Linux' &&
      a.tenancy === 'Shared' &&
      a.preInstalledSw === 'NA' &&
      (a.capacitystatus === undefined || a.capacitystatus === 'Used') &&
      price.unit === 'Hrs'
    ) {
      put(prices.ec2Hourly, region, a.instanceType, price.usd);
    } else if (product.productFamily === 'Storage' && a.volumeApiName && price.unit === 'GB-Mo') {
      put(prices.ebsGbMonth, region, a.volumeApiName, price.usd);
    } else if (a.group === 'EBS IOPS' && a.volumeApiName && price.unit === 'IOPS-Mo') {
      put(prices.ebsIopsMonth, region, a.volumeApiName, price.usd);
    } else if (product.productFamily === 'NAT Gateway' && price.unit === 'Hrs') {
      prices.natGatewayHourly[region] = price.usd;
    } else if (lbType(product.productFamily, a.usagetype) && price.unit === 'Hrs') {
      put(prices.loadBalancerHourly, region, lbType(product.productFamily, a.usagetype) ?? '', price.usd);
    }
  }
  return prices;
}

export const livePricesSchema = z.object({
  asOf: z.string(),
  ec2Hourly: z.record(z.string(), z.record(z.string(), z.number())),
  ebsGbMonth: z.record(z.string(), z.record(z.string(), z.number())),
  ebsIopsMonth: z.record(z.string(), z.record(z.string(), z.number())),
  // Caches written before these prices existed parse as empty (the embedded table answers).
  natGatewayHourly: z.record(z.string(), z.number()).default({}),
  loadBalancerHourly: z.record(z.string(), z.record(z.string(), z.number())).default({}),
});
