import type { ServiceId } from '../../../core/services';
import type { FindingDto } from '../../../shared/api/advisor';
import type { CollectionMetadataDto, CollectionSummary } from '../../../shared/api/collections';

/**
 * Collectors whose records are resources a person would count. Metrics, memory usage and
 * account-level singletons (default encryption, password policy…) would count things twice or
 * count settings, so they are left out.
 */
export const INVENTORY_COLLECTORS: Readonly<Record<string, ServiceId>> = {
  'ec2.instances': 'ec2',
  'ec2.volumes': 'ec2',
  'ec2.snapshots': 'ec2',
  'ec2.security-groups': 'ec2',
  'ec2.addresses': 'ec2',
  'ec2.images': 'ec2',
  's3.buckets': 's3',
  'lambda.functions': 'lambda',
  'rds.instances': 'rds',
  'rds.snapshots': 'rds',
  'iam.users': 'iam',
  'iam.groups': 'iam',
  'iam.roles': 'iam',
  'iam.policies': 'iam',
};

type Counts = CollectionSummary['resourceCounts'];

export function resourcesByService(counts: Counts): Partial<Record<ServiceId, number>> {
  const out: Partial<Record<ServiceId, number>> = {};
  for (const [collector, count] of Object.entries(counts)) {
    const service = INVENTORY_COLLECTORS[collector];
    if (service && count !== undefined) out[service] = (out[service] ?? 0) + count;
  }
  return out;
}

export function resourceTotal(counts: Counts): number {
  return Object.values(resourcesByService(counts)).reduce((a, b) => a + b, 0);
}

/** Per region from each collector × region outcome (`global` for IAM and other global APIs). */
export function resourcesByRegion(results: CollectionMetadataDto['results']): Map<string, number> {
  const out = new Map<string, number>();
  for (const [collector, byRegion] of Object.entries(results)) {
    if (!INVENTORY_COLLECTORS[collector] || !byRegion) continue;
    for (const [region, outcome] of Object.entries(byRegion)) {
      if (outcome.status === 'ok') out.set(region, (out.get(region) ?? 0) + outcome.count);
    }
  }
  return new Map([...out].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** The biggest open savings first (failing or warning findings with a positive figure). */
export function topSavings(findings: readonly FindingDto[], limit = 10): FindingDto[] {
  return findings
    .filter(
      (f) =>
        (f.status === 'fail' || f.status === 'warning') &&
        f.muted === undefined &&
        (f.estimatedMonthlySavingsUsd ?? 0) > 0,
    )
    .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0))
    .slice(0, limit);
}
