import { collectorInfo } from '../../core/catalog.js';
import type { CollectorId } from '../../core/records.js';

export const GLOBAL_REGION = 'global';

/**
 * Whether a collector's outcome is recorded once under the region key 'global' rather than per
 * region (its descriptor's scope). The engine prefers what the metadata actually says (a 'global'
 * key in the results); this only decides how to name the gap when a collector was not collected.
 */
export function isGlobalCollector(id: CollectorId): boolean {
  return collectorInfo(id).scope === 'global';
}
