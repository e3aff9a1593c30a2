import { INVENTORY_COLLECTORS } from '../core/catalog.js';
import type { ServiceId } from '../core/services.js';

/**
 * Collectors whose records are resources a person would count (descriptor `inventory: true`).
 * Metrics, memory usage, credential report rows and account-level singletons (default encryption,
 * password policy…) would count things twice or count settings, so they are left out. The
 * dashboard, the collection history and the collection page all count resources with this one
 * definition.
 */
export { INVENTORY_COLLECTORS };

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
