/** Price lookups used by cost checks. Implementations live in src/pricing; checks see only this. */
export interface PriceQuote {
  usd: number;
  unit:
    | 'hour'
    | 'GB-month'
    | 'IOPS-month'
    | 'MiBps-month'
    | 'GB-second'
    | 'request'
    | 'RCU-hour'
    | 'WCU-hour'
    | 'secret-month';
  source: 'embedded' | 'price-list-api';
  /** Date of the price table or of the API answer (YYYY-MM-DD). */
  asOf: string;
  region: string;
}

export interface PriceBook {
  ec2InstanceHourly(
    region: string,
    instanceType: string,
    platform?: 'linux' | 'windows',
  ): PriceQuote | undefined;
  rdsInstanceHourly(
    region: string,
    instanceClass: string,
    engine: string,
    multiAZ: boolean,
  ): PriceQuote | undefined;
  ebsGbMonth(region: string, volumeType: string): PriceQuote | undefined;
  ebsIopsMonth(region: string, volumeType: string): PriceQuote | undefined;
  ebsThroughputMonth(region: string, volumeType: string): PriceQuote | undefined;
  snapshotGbMonth(region: string): PriceQuote | undefined;
  publicIpv4Hourly(region: string): PriceQuote | undefined;
  lambdaGbSecond(region: string, architecture: string): PriceQuote | undefined;
  natGatewayHourly(region: string): PriceQuote | undefined;
  /** Hourly charge of one load balancer (LCU/NLCU charges are usage, not counted). */
  loadBalancerHourly(region: string, type: LoadBalancerPriceType): PriceQuote | undefined;
  /** DynamoDB provisioned capacity: one read (RCU-hour) or write (WCU-hour) capacity unit for an hour. */
  dynamodbCapacityUnitHourly(region: string, kind: 'read' | 'write'): PriceQuote | undefined;
  /** One Secrets Manager secret stored for a month. */
  secretsManagerSecretMonthly(region: string): PriceQuote | undefined;
}

export type LoadBalancerPriceType = 'application' | 'network' | 'classic';

export const HOURS_PER_MONTH = 730;
