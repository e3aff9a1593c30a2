/**
 * Embedded AWS list prices, used when the Price List API does not answer.
 *
 * PRICE_TABLE_DATE = 2025-06-01. Source: AWS public on-demand price pages / Price List API as
 * of that date, us-east-1, Linux, shared tenancy, USD.
 *
 * Regions other than us-east-1: EBS, snapshot, IPv4 and Lambda figures are per-region list
 * prices; EC2 and RDS hourly prices are the us-east-1 price × the REGION_COMPUTE_MULTIPLIER below
 * (derived from m5.large / db.m5.large list prices in each region), rounded to 4 decimals, except
 * the exact per-region figures listed in EC2_REGIONAL_EXACT. Treat those derived figures as
 * estimates; the live Price List API replaces them when it answers.
 *
 * Units: EC2/RDS USD per instance-hour; EBS USD per GB-month of provisioned size (AWS bills the
 * volume's GiB size at the "GB-month" rate, so no GB↔GiB conversion is applied anywhere);
 * IOPS per provisioned IOPS-month; throughput per provisioned MiB/s-month; Lambda per GB-second;
 * DynamoDB per provisioned capacity unit-hour (RCU-hour, WCU-hour); Secrets Manager per secret-month.
 */
export const PRICE_TABLE_DATE = '2025-06-01';

export const PRICED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
] as const;

export const REGION_COMPUTE_MULTIPLIER: Record<string, number> = {
  'us-east-1': 1,
  'us-east-2': 1,
  'us-west-2': 1,
  'eu-west-1': 1.115, // m5.large 0.107
  'eu-central-1': 1.198, // m5.large 0.115
  'ap-northeast-1': 1.292, // m5.large 0.124
  'ap-northeast-2': 1.229, // m5.large 0.118
  'ap-southeast-1': 1.25, // m5.large 0.120
};

/** us-east-1 Linux On-Demand USD/hour by family → size. */
export const EC2_US_EAST_1: Record<string, Record<string, number>> = {
  t1: { micro: 0.02 },
  t2: {
    nano: 0.0058,
    micro: 0.0116,
    small: 0.023,
    medium: 0.0464,
    large: 0.0928,
    xlarge: 0.1856,
    '2xlarge': 0.3712,
  },
  t3: {
    nano: 0.0052,
    micro: 0.0104,
    small: 0.0208,
    medium: 0.0416,
    large: 0.0832,
    xlarge: 0.1664,
    '2xlarge': 0.3328,
  },
  t3a: {
    nano: 0.0047,
    micro: 0.0094,
    small: 0.0188,
    medium: 0.0376,
    large: 0.0752,
    xlarge: 0.1504,
    '2xlarge': 0.3008,
  },
  t4g: {
    nano: 0.0042,
    micro: 0.0084,
    small: 0.0168,
    medium: 0.0336,
    large: 0.0672,
    xlarge: 0.1344,
    '2xlarge': 0.2688,
  },
  m1: { small: 0.044, medium: 0.087, large: 0.175, xlarge: 0.35 },
  m3: { medium: 0.067, large: 0.133, xlarge: 0.266, '2xlarge': 0.532 },
  m4: { large: 0.1, xlarge: 0.2, '2xlarge': 0.4, '4xlarge': 0.8, '10xlarge': 2.0, '16xlarge': 3.2 },
  m5: {
    large: 0.096,
    xlarge: 0.192,
    '2xlarge': 0.384,
    '4xlarge': 0.768,
    '8xlarge': 1.536,
    '12xlarge': 2.304,
    '16xlarge': 3.072,
    '24xlarge': 4.608,
  },
  m5a: {
    large: 0.086,
    xlarge: 0.172,
    '2xlarge': 0.344,
    '4xlarge': 0.688,
    '8xlarge': 1.376,
    '12xlarge': 2.064,
  },
  m6i: {
    large: 0.096,
    xlarge: 0.192,
    '2xlarge': 0.384,
    '4xlarge': 0.768,
    '8xlarge': 1.536,
    '12xlarge': 2.304,
  },
  m6g: { medium: 0.0385, large: 0.077, xlarge: 0.154, '2xlarge': 0.308, '4xlarge': 0.616, '8xlarge': 1.232 },
  m7i: { large: 0.1008, xlarge: 0.2016, '2xlarge': 0.4032, '4xlarge': 0.8064, '8xlarge': 1.6128 },
  m7g: {
    medium: 0.0408,
    large: 0.0816,
    xlarge: 0.1632,
    '2xlarge': 0.3264,
    '4xlarge': 0.6528,
    '8xlarge': 1.3056,
  },
  c3: { large: 0.105, xlarge: 0.21, '2xlarge': 0.42, '4xlarge': 0.84 },
  c4: { large: 0.1, xlarge: 0.199, '2xlarge': 0.398, '4xlarge': 0.796, '8xlarge': 1.591 },
  c5: { large: 0.085, xlarge: 0.17, '2xlarge': 0.34, '4xlarge': 0.68, '9xlarge': 1.53, '12xlarge': 2.04 },
  c6i: { large: 0.085, xlarge: 0.17, '2xlarge': 0.34, '4xlarge': 0.68, '8xlarge': 1.36 },
  c6g: { medium: 0.034, large: 0.068, xlarge: 0.136, '2xlarge': 0.272, '4xlarge': 0.544, '8xlarge': 1.088 },
  c7g: { medium: 0.0363, large: 0.0725, xlarge: 0.145, '2xlarge': 0.29, '4xlarge': 0.58, '8xlarge': 1.16 },
  r3: { large: 0.166, xlarge: 0.333, '2xlarge': 0.665, '4xlarge': 1.33 },
  r4: { large: 0.133, xlarge: 0.266, '2xlarge': 0.532, '4xlarge': 1.064, '8xlarge': 2.128 },
  r5: { large: 0.126, xlarge: 0.252, '2xlarge': 0.504, '4xlarge': 1.008, '8xlarge': 2.016 },
  r6i: { large: 0.126, xlarge: 0.252, '2xlarge': 0.504, '4xlarge': 1.008, '8xlarge': 2.016 },
  r6g: {
    medium: 0.0504,
    large: 0.1008,
    xlarge: 0.2016,
    '2xlarge': 0.4032,
    '4xlarge': 0.8064,
    '8xlarge': 1.6128,
  },
  r7g: {
    medium: 0.0536,
    large: 0.1071,
    xlarge: 0.2142,
    '2xlarge': 0.4284,
    '4xlarge': 0.8568,
    '8xlarge': 1.7136,
  },
};

/** Exact regional list prices known for the most common types (override the multiplier). */
export const EC2_REGIONAL_EXACT: Record<string, Record<string, number>> = {
  'eu-west-1': { 'm5.large': 0.107, 't3.micro': 0.0114 },
  'eu-central-1': { 'm5.large': 0.115, 't3.micro': 0.012 },
  'ap-northeast-1': { 'm5.large': 0.124, 't3.micro': 0.0136 },
  'ap-northeast-2': { 'm5.large': 0.118, 't3.micro': 0.013 },
  'ap-southeast-1': { 'm5.large': 0.12, 't3.micro': 0.0132 },
};

/**
 * us-east-1 RDS for MySQL Single-AZ USD/hour by class family → size. MariaDB and PostgreSQL are
 * priced at the same figures (PostgreSQL lists ~3–5 % higher: an estimate, said in the basis);
 * license-included engines (Oracle, SQL Server) and Aurora are not in the table. Multi-AZ = 2×.
 */
export const RDS_US_EAST_1: Record<string, Record<string, number>> = {
  'db.t2': { micro: 0.017, small: 0.034, medium: 0.068, large: 0.136, xlarge: 0.272, '2xlarge': 0.544 },
  'db.t3': { micro: 0.017, small: 0.034, medium: 0.068, large: 0.136, xlarge: 0.272, '2xlarge': 0.544 },
  'db.t4g': { micro: 0.016, small: 0.032, medium: 0.065, large: 0.129, xlarge: 0.258, '2xlarge': 0.517 },
  'db.m4': { large: 0.175, xlarge: 0.35, '2xlarge': 0.7, '4xlarge': 1.401, '10xlarge': 3.502 },
  'db.m5': { large: 0.171, xlarge: 0.342, '2xlarge': 0.684, '4xlarge': 1.368, '8xlarge': 2.736 },
  'db.m6g': { large: 0.152, xlarge: 0.304, '2xlarge': 0.608, '4xlarge': 1.216, '8xlarge': 2.432 },
  'db.m6i': { large: 0.171, xlarge: 0.342, '2xlarge': 0.684, '4xlarge': 1.368, '8xlarge': 2.736 },
  'db.r4': { large: 0.24, xlarge: 0.48, '2xlarge': 0.96, '4xlarge': 1.92 },
  'db.r5': { large: 0.25, xlarge: 0.5, '2xlarge': 1.0, '4xlarge': 2.0, '8xlarge': 4.0 },
  'db.r6g': { large: 0.225, xlarge: 0.45, '2xlarge': 0.899, '4xlarge': 1.798, '8xlarge': 3.597 },
  'db.r6i': { large: 0.25, xlarge: 0.5, '2xlarge': 1.0, '4xlarge': 2.0, '8xlarge': 4.0 },
};
export const RDS_PRICED_ENGINES = ['mysql', 'mariadb', 'postgres'] as const;

export interface EbsRegionPrices {
  /** USD per GB-month by volume type. */
  gbMonth: Record<string, number>;
  /** USD per provisioned IOPS-month: io1/io2 all IOPS, gp3 only IOPS above 3000. */
  iopsMonth: Record<string, number>;
  /** USD per MiB/s-month: gp3 throughput above 125 MiB/s. */
  throughputMonth: Record<string, number>;
  snapshotGbMonth: number;
}

function ebs(
  gb: [number, number, number, number, number, number, number],
  iops: [number, number],
  thr: number,
  snap: number,
): EbsRegionPrices {
  const [gp2, gp3, io1, io2, st1, sc1, standard] = gb;
  return {
    gbMonth: { gp2, gp3, io1, io2, st1, sc1, standard },
    iopsMonth: { io1: iops[0], io2: iops[0], gp3: iops[1] },
    throughputMonth: { gp3: thr },
    snapshotGbMonth: snap,
  };
}

//                                   gp2    gp3     io1     io2     st1    sc1     standard  io IOPS  gp3 IOPS  gp3 MiB/s  snapshot
export const EBS: Record<string, EbsRegionPrices> = {
  'us-east-1': ebs([0.1, 0.08, 0.125, 0.125, 0.045, 0.015, 0.05], [0.065, 0.005], 0.04, 0.05),
  'us-east-2': ebs([0.1, 0.08, 0.125, 0.125, 0.045, 0.015, 0.05], [0.065, 0.005], 0.04, 0.05),
  'us-west-2': ebs([0.1, 0.08, 0.125, 0.125, 0.045, 0.015, 0.05], [0.065, 0.005], 0.04, 0.05),
  'eu-west-1': ebs([0.11, 0.088, 0.138, 0.138, 0.05, 0.0168, 0.055], [0.072, 0.0055], 0.044, 0.05),
  'eu-central-1': ebs([0.119, 0.0952, 0.149, 0.149, 0.054, 0.018, 0.059], [0.078, 0.006], 0.048, 0.054),
  'ap-northeast-1': ebs([0.12, 0.096, 0.142, 0.142, 0.054, 0.018, 0.08], [0.074, 0.006], 0.048, 0.05),
  'ap-northeast-2': ebs([0.114, 0.0912, 0.1278, 0.1278, 0.051, 0.0174, 0.08], [0.0666, 0.0057], 0.0456, 0.05),
  'ap-southeast-1': ebs([0.12, 0.096, 0.138, 0.138, 0.054, 0.018, 0.08], [0.072, 0.006], 0.048, 0.05),
};

/** Public IPv4 address, in use or idle, every region (since 2024-02-01). */
export const PUBLIC_IPV4_HOURLY = 0.005;

/** Lambda duration USD per GB-second (first pricing tier), same in the regions above. */
export const LAMBDA_GB_SECOND: Record<string, number> = { x86_64: 0.0000166667, arm64: 0.0000133334 };

/**
 * NAT gateway USD per hour (data processing per GB is usage, not counted) and load balancer USD per
 * hour (ALB/NLB capacity units are usage, not counted), by region.
 *
 * Checked 2026-12-06 against public copies of AWS's price pages and Price List data (AWS's own
 * pages are not reachable from here); no figure below had to change. Confirmed by a published
 * source: NAT ap-northeast-1 0.062, ap-southeast-1 0.059, eu-west-1/eu-central-1 within the
 * 0.048–0.052 Europe range; ALB and NLB ap-northeast-1 0.0243, eu-west-1 0.0252; us-east-1 ALB
 * 0.0225 (AWS's ELB pricing example) and NAT 0.045 (AWS's VPC pricing example). Not found in any
 * source reachable here, so still unverified: NAT ap-northeast-2; ALB/NLB eu-central-1,
 * ap-northeast-2, ap-southeast-1; every Classic figure outside us-east-1. The Price List API
 * answer replaces all of them when it is reachable (src/pricing/index.ts).
 */
export const NAT_GATEWAY_HOURLY: Record<string, number> = {
  'us-east-1': 0.045,
  'us-east-2': 0.045,
  'us-west-2': 0.045,
  'eu-west-1': 0.048,
  'eu-central-1': 0.052,
  'ap-northeast-1': 0.062,
  'ap-northeast-2': 0.059,
  'ap-southeast-1': 0.059,
};

//                                                     ALB     NLB     Classic
export const LOAD_BALANCER_HOURLY: Record<string, Record<'application' | 'network' | 'classic', number>> = {
  'us-east-1': { application: 0.0225, network: 0.0225, classic: 0.025 },
  'us-east-2': { application: 0.0225, network: 0.0225, classic: 0.025 },
  'us-west-2': { application: 0.0225, network: 0.0225, classic: 0.025 },
  'eu-west-1': { application: 0.0252, network: 0.0252, classic: 0.028 },
  'eu-central-1': { application: 0.027, network: 0.027, classic: 0.03 },
  'ap-northeast-1': { application: 0.0243, network: 0.0243, classic: 0.027 },
  'ap-northeast-2': { application: 0.0225, network: 0.0225, classic: 0.025 },
  'ap-southeast-1': { application: 0.0252, network: 0.0252, classic: 0.028 },
};

/**
 * DynamoDB provisioned capacity (standard table class), USD per RCU-hour and WCU-hour. Listed for
 * the regions where these figures are the list price; other regions have no embedded price.
 */
export const DYNAMODB_CAPACITY_HOURLY: Record<string, { read: number; write: number }> = {
  'us-east-1': { read: 0.00013, write: 0.00065 },
  'us-east-2': { read: 0.00013, write: 0.00065 },
  'us-west-2': { read: 0.00013, write: 0.00065 },
};

/** Secrets Manager, USD per secret-month (the same in every region above). */
export const SECRETS_MANAGER_SECRET_MONTHLY = 0.4;
