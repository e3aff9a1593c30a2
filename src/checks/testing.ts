/**
 * Fixture helpers for check tests: build a small Snapshot and run one check through the real
 * engine (gaps, field errors, settings validation and all).
 */
import type { Finding } from '../core/findings.js';
import type { PriceBook } from '../core/prices.js';
import type { CollectorId, RecordKinds } from '../core/records.js';
import { SERVICE_IDS, type ServiceId } from '../core/services.js';
import type { SettingValues } from '../core/setting-values.js';
import type { CollectionMetadata, CollectorOutcome, Snapshot } from '../core/snapshot.js';
import { embeddedPriceBook } from '../pricing/embedded.js';
import { GLOBAL_REGION, isGlobalCollector } from './lib/collector-scope.js';
import { type AnyCheck, runCheckDefinitions } from './lib/run-checks.js';
import type { CheckDefinition } from './types.js';

export type FixtureData = Partial<{ [K in CollectorId]: RecordKinds[K][] }>;

export interface FixtureFailure {
  collector: CollectorId;
  region: string;
  operation?: string;
  code?: string;
  message?: string;
}

export interface FixtureOptions {
  /** Collection time = the checks' "now". Default 2025-06-15T00:00:00.000Z. */
  collectedAt?: string;
  /** Regions of the collection; default: every region of the records, or us-east-1. */
  regions?: string[];
  /** Mark these collector × region outcomes as failed (records there stay in the data). */
  failed?: FixtureFailure[];
  accountId?: string;
}

export const FIXTURE_NOW = '2025-06-15T00:00:00.000Z';

/**
 * A Snapshot whose metadata marks each provided collector `ok` in every region of the fixture
 * (global collectors under 'global'); collectors absent from `data` count as not collected.
 * Pass `[]` for a collector that was collected and found nothing.
 */
export function fixtureSnapshot(data: FixtureData, options: FixtureOptions = {}): Snapshot {
  const collectors = Object.keys(data) as CollectorId[];
  const recordRegions = collectors.flatMap((id) =>
    isGlobalCollector(id) ? [] : (data[id] ?? []).map((r) => r.region),
  );
  const regions = options.regions ?? [...new Set(recordRegions)];
  if (regions.length === 0) regions.push('us-east-1');

  const results: CollectionMetadata['results'] = {};
  const resourceCounts: CollectionMetadata['resourceCounts'] = {};
  for (const id of collectors) {
    const outcomes: Record<string, CollectorOutcome> = {};
    const records = data[id] ?? [];
    for (const region of isGlobalCollector(id) ? [GLOBAL_REGION] : regions) {
      const count = records.filter((r) => region === GLOBAL_REGION || r.region === region).length;
      outcomes[region] = { status: 'ok', count };
    }
    results[id] = outcomes;
    resourceCounts[id] = records.length;
  }
  const errors: CollectionMetadata['errors'] = [];
  for (const f of options.failed ?? []) {
    const service = f.collector.slice(0, f.collector.indexOf('.')) as ServiceId;
    const error = {
      service,
      region: f.region,
      collector: f.collector,
      operation: f.operation ?? 'Describe',
      code: f.code ?? 'AccessDenied',
      message: f.message ?? 'User is not authorized to perform this operation',
    };
    results[f.collector] = { ...results[f.collector], [f.region]: { status: 'error', error } };
    errors.push(error);
  }
  const services = SERVICE_IDS.filter((s) => collectors.some((c) => c.startsWith(`${s}.`)));
  const collectedAt = options.collectedAt ?? FIXTURE_NOW;
  return {
    collectedAt,
    data,
    metadata: {
      id: 'fixture',
      username: 'tester',
      connectionId: 'fixture-connection',
      accountId: options.accountId ?? '123456789012',
      status: errors.length > 0 ? 'completed_with_errors' : 'completed',
      requestedAt: collectedAt,
      finishedAt: collectedAt,
      regions,
      services,
      results,
      errors,
      resourceCounts,
    },
  };
}

/** Runs one check through the real engine with the embedded price table (unless prices given). */
export function evaluate<S extends SettingValues>(
  check: CheckDefinition<S>,
  snapshot: Snapshot,
  settings?: Partial<S>,
  options: { prices?: PriceBook; now?: Date } = {},
): Finding[] {
  return runCheckDefinitions([check as unknown as AnyCheck], {
    snapshot,
    settings: settings ? { [check.id]: settings as SettingValues } : undefined,
    prices: options.prices ?? embeddedPriceBook(),
    now: options.now,
  });
}

/** The single finding for one resource (throws when there is not exactly one: a test bug). */
export function findingFor(findings: Finding[], resourceId: string): Finding {
  const matches = findings.filter((f) => f.resourceId === resourceId);
  if (matches.length !== 1) {
    throw new Error(`expected one finding for ${resourceId}, got ${matches.length}`);
  }
  return matches[0] as Finding;
}

/** Dates N days before FIXTURE_NOW (or `from`), ISO-8601. */
export function daysAgo(days: number, from = FIXTURE_NOW): string {
  return new Date(new Date(from).getTime() - days * 86_400_000).toISOString();
}

// ---------------------------------------------------------------- record builders (defaults are "good")
const ACCOUNT = '123456789012';

export function ec2Instance(id: string, extra: Partial<RecordKinds['ec2.instances']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    instanceId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`,
    instanceType: 'm5.large',
    state: 'running',
    region,
    tags: [],
    metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' },
    monitoringState: 'enabled',
    disableApiTermination: true,
    securityGroupIds: [],
    volumeIds: [],
    ...extra,
  } satisfies RecordKinds['ec2.instances'];
}

export function ec2Volume(id: string, extra: Partial<RecordKinds['ec2.volumes']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    volumeId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:volume/${id}`,
    volumeType: 'gp3',
    sizeGiB: 100,
    state: 'in-use',
    encrypted: true,
    region,
    attachments: [{ instanceId: 'i-attached' }],
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.volumes'];
}

export function ec2Snapshot(id: string, extra: Partial<RecordKinds['ec2.snapshots']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    snapshotId: id,
    arn: `arn:aws:ec2:${region}::snapshot/${id}`,
    volumeSizeGiB: 100,
    encrypted: true,
    public: false,
    startTime: daysAgo(1),
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.snapshots'];
}

export function rdsInstance(id: string, extra: Partial<RecordKinds['rds.instances']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    dbInstanceIdentifier: id,
    arn: `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`,
    dbInstanceClass: 'db.m5.large',
    engine: 'mysql',
    status: 'available',
    multiAZ: true,
    publiclyAccessible: false,
    storageEncrypted: true,
    backupRetentionPeriod: 7,
    deletionProtection: true,
    autoMinorVersionUpgrade: true,
    vpcSecurityGroupIds: [],
    region,
    tags: [],
    ...extra,
  } satisfies RecordKinds['rds.instances'];
}

/** `values` daily points ending the day before FIXTURE_NOW (oldest first). */
export function dailyPoints(
  values: number[],
  now = FIXTURE_NOW,
): RecordKinds['ec2.instance-metrics']['cpuDailyAverage'] {
  return values.map((v, i) => ({ t: daysAgo(values.length - i, now), v }));
}

export function securityGroup(
  id: string,
  ingress: Partial<RecordKinds['ec2.security-groups']['ingress'][number]>[],
  extra: Partial<RecordKinds['ec2.security-groups']> = {},
) {
  const region = extra.region ?? 'us-east-1';
  return {
    groupId: id,
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:security-group/${id}`,
    groupName: `${id}-name`,
    region,
    ingress: ingress.map((r) => ({
      protocol: 'tcp',
      ipv4Ranges: [],
      ipv6Ranges: [],
      prefixListIds: [],
      referencedGroupIds: [],
      ...r,
    })),
    egress: [],
    tags: [],
    ...extra,
  } satisfies RecordKinds['ec2.security-groups'];
}

/** 14 daily points per metric; `cpuAvg`/`cpuMax`/`netBytes` are per-day values (oldest first). */
export function ec2Metrics(
  instanceId: string,
  m: { cpuAvg: number[]; cpuMax?: number[]; netBytes?: number[] },
  region = 'us-east-1',
): RecordKinds['ec2.instance-metrics'] {
  const net = m.netBytes ?? m.cpuAvg.map(() => 50_000_000);
  return {
    region,
    instanceId,
    cpuDailyAverage: dailyPoints(m.cpuAvg),
    cpuDailyMaximum: dailyPoints(m.cpuMax ?? m.cpuAvg),
    networkInDailySum: dailyPoints(net.map((b) => b / 2)),
    networkOutDailySum: dailyPoints(net.map((b) => b / 2)),
    memUsedDailyAverage: [],
  };
}

/** An SNS topic in us-east-1 with no KMS key and no policy. */
export function snsTopic(topicName: string, extra: Partial<RecordKinds['sns.topics']> = {}) {
  return {
    region: 'us-east-1',
    topicArn: `arn:aws:sns:us-east-1:123456789012:${topicName}`,
    topicName,
    kmsMasterKeyId: null,
    policy: null,
    ...extra,
  } satisfies RecordKinds['sns.topics'];
}

/** An SQS queue in us-east-1 without encryption and without a policy. */
export function sqsQueue(queueName: string, extra: Partial<RecordKinds['sqs.queues']> = {}) {
  return {
    region: 'us-east-1',
    queueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${queueName}`,
    queueName,
    arn: `arn:aws:sqs:us-east-1:123456789012:${queueName}`,
    kmsMasterKeyId: null,
    sqsManagedSseEnabled: false,
    policy: null,
    ...extra,
  } satisfies RecordKinds['sqs.queues'];
}

/** A CloudWatch Logs group in us-east-1 with no retention and no KMS key. */
export function logGroup(logGroupName: string, extra: Partial<RecordKinds['logs.log-groups']> = {}) {
  return {
    region: 'us-east-1',
    logGroupName,
    arn: `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}`,
    ...extra,
  } satisfies RecordKinds['logs.log-groups'];
}
