/**
 * The parent's half of a split collection: once every unit has finished, their outcomes become the
 * collection's one outcome and their records the collection's one document per service (written
 * create-only, so a re-run after a crash keeps exactly one snapshot per service).
 */
import type { CollectorId } from '../core/records.js';
import type { ServiceId } from '../core/services.js';
import type { CollectionError, CollectionStatus } from '../core/snapshot.js';
import { statusOf } from '../pipeline/collect.js';
import { keys } from '../storage/keys.js';
import type { CollectionStore } from './store.js';
import type { StoredCollection } from './types.js';
import {
  type CollectionPlan,
  type UnitOutcome,
  UnitOutcomeSchema,
  UnitServiceDocumentSchema,
  unitCovers,
  unitKey,
} from './units.js';

export interface MergedCollection {
  outcome: UnitOutcome['outcome'];
  status: CollectionStatus;
  failureReason?: string;
}

const UNIT_LOST = 'the unit did not finish';

/** A unit whose job failed all its attempts left no outcome: it counts as failed. */
function missingUnit(c: StoredCollection, unit: string): UnitOutcome {
  const error: CollectionError = {
    service: c.services[0] ?? 'ec2',
    region: unit,
    operation: 'collect',
    code: 'UnitLost',
    message: UNIT_LOST,
  };
  return {
    unit,
    status: 'failed',
    failureReason: UNIT_LOST,
    outcome: { regions: [], services: c.services, results: {}, errors: [error], resourceCounts: {} },
  };
}

export function mergeOutcomes(
  c: StoredCollection,
  plan: CollectionPlan,
  units: readonly UnitOutcome[],
): MergedCollection {
  const results: UnitOutcome['outcome']['results'] = {};
  const resourceCounts: Partial<Record<CollectorId, number>> = {};
  const apiCalls: Record<string, number> = {};
  const errors = new Map<string, CollectionError>();
  const regions = new Set<string>();
  const skipped = new Map(plan.skippedRegions.map((s) => [s.region, s]));
  for (const { outcome } of units) {
    for (const [collector, byRegion] of Object.entries(outcome.results) as [CollectorId, object][])
      results[collector] = { ...results[collector], ...byRegion };
    for (const [collector, count] of Object.entries(outcome.resourceCounts) as [CollectorId, number][])
      resourceCounts[collector] = (resourceCounts[collector] ?? 0) + count;
    for (const [operation, count] of Object.entries(outcome.apiCalls ?? {}))
      apiCalls[operation] = (apiCalls[operation] ?? 0) + count;
    // The same region-lookup failure is seen by every unit: recorded once.
    for (const error of outcome.errors) errors.set(JSON.stringify(error), error);
    for (const region of outcome.regions) regions.add(region);
    for (const s of outcome.skippedRegions ?? []) skipped.set(s.region, s);
  }
  const outcome: UnitOutcome['outcome'] = {
    // Split: the plan's order, less what a unit skipped. One whole unit: what it resolved.
    regions: plan.regions.length > 0 ? plan.regions.filter((r) => !skipped.has(r)) : [...regions],
    skippedRegions: [...skipped.values()],
    services: c.services,
    results,
    errors: [...errors.values()],
    resourceCounts,
    ...(Object.keys(apiCalls).length > 0 ? { apiCalls } : {}),
  };
  if (units.some((u) => u.status === 'cancelled')) return { outcome, status: 'cancelled' };
  const failed = units.filter((u) => u.status === 'failed');
  if (failed.length > 0 && failed.length === units.length)
    return { outcome, status: 'failed', failureReason: failed[0]?.failureReason ?? UNIT_LOST };
  const status = statusOf(outcome);
  return { outcome, status, ...(status === 'failed' ? { failureReason: 'every collector failed' } : {}) };
}

/** Reads every unit's outcome (a unit without one failed for good). */
export async function readOutcomes(
  store: CollectionStore,
  c: StoredCollection,
  plan: CollectionPlan,
): Promise<UnitOutcome[]> {
  return await Promise.all(
    plan.units.map(
      async (unit) =>
        (await store.read(unitKey(c, unit, 'outcome'), UnitOutcomeSchema)) ?? missingUnit(c, unit),
    ),
  );
}

/**
 * One document per service, records in unit order (global first, then the plan's regions). A
 * cancelled collection keeps only the services every unit finished (a unit writes a service's
 * part once all its collectors there settled, and none after the cancel).
 */
export async function writeServiceDocuments(
  store: CollectionStore,
  c: StoredCollection,
  plan: CollectionPlan,
  options: {
    collectedAt: string;
    completeOnly: boolean;
    /** Sees each merged document (the search index is built from them without a second read). */
    onWritten?: (document: { service: ServiceId; data: Record<string, Record<string, unknown>[]> }) => void;
  },
): Promise<void> {
  for (const service of c.services) {
    const data: Record<string, Record<string, unknown>[]> = {};
    let found = false;
    let complete = true;
    for (const unit of plan.units) {
      const part = await store.read(unitKey(c, unit, service), UnitServiceDocumentSchema);
      if (!part) {
        if (unitCovers(c, unit, service)) complete = false;
        continue;
      }
      found = true;
      for (const [collector, records] of Object.entries(part.data))
        data[collector] = [...(data[collector] ?? []), ...(records ?? [])];
    }
    if (!found || (options.completeOnly && !complete)) continue;
    await store.createOnce(keys.collectionService(c.username, c.id, service), {
      collectionId: c.id,
      service,
      collectedAt: options.collectedAt,
      data,
    });
    options.onWritten?.({ service, data });
  }
}
