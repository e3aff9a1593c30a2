import type { PriceBook, PriceQuote } from '../core/prices.js';
import {
  DYNAMODB_CAPACITY_HOURLY,
  EBS,
  EC2_REGIONAL_EXACT,
  EC2_US_EAST_1,
  LAMBDA_GB_SECOND,
  LOAD_BALANCER_HOURLY,
  NAT_GATEWAY_HOURLY,
  PRICE_TABLE_DATE,
  PUBLIC_IPV4_HOURLY,
  RDS_PRICED_ENGINES,
  RDS_US_EAST_1,
  REGION_COMPUTE_MULTIPLIER,
  SECRETS_MANAGER_SECRET_MONTHLY,
} from './embedded-table.js';

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

function quote(usd: number | undefined, unit: PriceQuote['unit'], region: string): PriceQuote | undefined {
  if (usd === undefined) return undefined;
  return { usd, unit, source: 'embedded', asOf: PRICE_TABLE_DATE, region };
}

/** "m5.large" → ["m5", "large"]; "db.m5.large" → ["db.m5", "large"]. */
export function splitType(type: string): [string, string] | undefined {
  const dot = type.lastIndexOf('.');
  if (dot <= 0 || dot === type.length - 1) return undefined;
  return [type.slice(0, dot), type.slice(dot + 1)];
}

function compute(
  table: Record<string, Record<string, number>>,
  region: string,
  type: string,
): number | undefined {
  const multiplier = REGION_COMPUTE_MULTIPLIER[region];
  const parts = splitType(type);
  if (multiplier === undefined || !parts) return undefined;
  const base = table[parts[0]]?.[parts[1]];
  return base === undefined ? undefined : round4(base * multiplier);
}

/** The dated, embedded price table as a PriceBook (also the fallback of the live one). */
export function embeddedPriceBook(): PriceBook {
  return {
    ec2InstanceHourly(region, instanceType, platform = 'linux') {
      // Windows adds a license fee per vCPU the table does not carry: no price rather than a wrong one.
      if (platform !== 'linux') return undefined;
      const exact = EC2_REGIONAL_EXACT[region]?.[instanceType];
      return quote(exact ?? compute(EC2_US_EAST_1, region, instanceType), 'hour', region);
    },
    rdsInstanceHourly(region, instanceClass, engine, multiAZ) {
      const normalised = engine.toLowerCase();
      if (!(RDS_PRICED_ENGINES as readonly string[]).includes(normalised)) return undefined;
      const single = compute(RDS_US_EAST_1, region, instanceClass);
      // Multi-AZ (one standby) is billed as two instances.
      return quote(single === undefined ? undefined : round4(single * (multiAZ ? 2 : 1)), 'hour', region);
    },
    ebsGbMonth(region, volumeType) {
      return quote(EBS[region]?.gbMonth[volumeType], 'GB-month', region);
    },
    ebsIopsMonth(region, volumeType) {
      return quote(EBS[region]?.iopsMonth[volumeType], 'IOPS-month', region);
    },
    ebsThroughputMonth(region, volumeType) {
      return quote(EBS[region]?.throughputMonth[volumeType], 'MiBps-month', region);
    },
    snapshotGbMonth(region) {
      return quote(EBS[region]?.snapshotGbMonth, 'GB-month', region);
    },
    publicIpv4Hourly(region) {
      return quote(region in REGION_COMPUTE_MULTIPLIER ? PUBLIC_IPV4_HOURLY : undefined, 'hour', region);
    },
    lambdaGbSecond(region, architecture) {
      if (!(region in REGION_COMPUTE_MULTIPLIER)) return undefined;
      return quote(LAMBDA_GB_SECOND[architecture === 'arm64' ? 'arm64' : 'x86_64'], 'GB-second', region);
    },
    natGatewayHourly(region) {
      return quote(NAT_GATEWAY_HOURLY[region], 'hour', region);
    },
    loadBalancerHourly(region, type) {
      return quote(LOAD_BALANCER_HOURLY[region]?.[type], 'hour', region);
    },
    dynamodbCapacityUnitHourly(region, kind) {
      return quote(
        DYNAMODB_CAPACITY_HOURLY[region]?.[kind],
        kind === 'read' ? 'RCU-hour' : 'WCU-hour',
        region,
      );
    },
    secretsManagerSecretMonthly(region) {
      const known = region in REGION_COMPUTE_MULTIPLIER;
      return quote(known ? SECRETS_MANAGER_SECRET_MONTHLY : undefined, 'secret-month', region);
    },
  };
}
