import type { CollectorId } from '../../core/records.js';

/**
 * Collectors whose outcome is recorded once under the region key 'global' rather than per region.
 * The engine prefers what the metadata actually says (a 'global' key in the results); this list
 * only decides how to name the gap when a collector was not collected at all.
 */
const GLOBAL_COLLECTORS: ReadonlySet<CollectorId> = new Set<CollectorId>([
  's3.buckets',
  's3.account-public-access-block',
  'iam.users',
  'iam.groups',
  'iam.roles',
  'iam.policies',
  'iam.credential-report',
  'iam.password-policy',
  'iam.account-summary',
]);

export const GLOBAL_REGION = 'global';

export function isGlobalCollector(id: CollectorId): boolean {
  return GLOBAL_COLLECTORS.has(id);
}
