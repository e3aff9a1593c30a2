import type { ServiceId } from '../core/services.js';

/**
 * Collectors whose records are resources a person would count. Metrics, memory usage, credential
 * report rows and account-level singletons (default encryption, password policy…) would count
 * things twice or count settings, so they are left out. The dashboard, the collection history and
 * the collection page all count resources with this one definition.
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

type Counts = Readonly<Partial<Record<string, number>>>;

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
