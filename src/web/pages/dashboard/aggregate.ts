import { SERVICE_IDS, type ServiceId } from '../../../core/services';
import type { CollectionMetadataDto, CollectionSummary } from '../../../shared/api/collections';
import { INVENTORY_COLLECTORS, resourcesByService, resourceTotal } from '../../../shared/inventory';

export { INVENTORY_COLLECTORS, resourcesByService, resourceTotal };

/** Where one service's resource figures come from: the collection and when it finished. */
export interface CollectionSource {
  service: ServiceId;
  collectionId: string;
  at: string;
}

const WITH_DATA: readonly CollectionSummary['status'][] = ['completed', 'completed_with_errors'];

/**
 * For each service, the latest collection with data that covered it, so collecting only S3 later
 * does not make the EC2 resources vanish from the dashboard. By finish time, not list order.
 */
export function latestCollectionPerService(collections: readonly CollectionSummary[]): CollectionSource[] {
  const best = new Map<ServiceId, CollectionSource>();
  for (const c of collections) {
    if (!WITH_DATA.includes(c.status)) continue;
    const at = c.finishedAt ?? c.requestedAt;
    for (const service of c.services) {
      const current = best.get(service);
      if (!current || at > current.at) best.set(service, { service, collectionId: c.id, at });
    }
  }
  return SERVICE_IDS.flatMap((s) => best.get(s) ?? []);
}

/** Each service's resource count from its own source collection. */
export function mergedResourcesByService(
  sources: readonly CollectionSource[],
  collections: readonly CollectionSummary[],
): Partial<Record<ServiceId, number>> {
  const byId = new Map(collections.map((c) => [c.id, c]));
  const out: Partial<Record<ServiceId, number>> = {};
  for (const { service, collectionId } of sources) {
    const counts = byId.get(collectionId)?.resourceCounts;
    if (counts) out[service] = resourcesByService(counts)[service] ?? 0;
  }
  return out;
}

/** Per region, each service counted from its own source collection's outcomes (details by id). */
export function mergedResourcesByRegion(
  sources: readonly CollectionSource[],
  results: ReadonlyMap<string, CollectionMetadataDto['results']>,
): Map<string, number> {
  const picked: Record<
    string,
    NonNullable<CollectionMetadataDto['results'][keyof CollectionMetadataDto['results']]>
  > = {};
  for (const { service, collectionId } of sources) {
    for (const [collector, byRegion] of Object.entries(results.get(collectionId) ?? {})) {
      if (byRegion && INVENTORY_COLLECTORS[collector] === service) picked[collector] = byRegion;
    }
  }
  return resourcesByRegion(picked);
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
