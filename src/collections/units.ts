/**
 * A collection split into account × region units: one per region plus one for the global
 * services, each a child job (BullMQ flow) that any worker may run. A unit writes its records per
 * service and then its outcome, create-only, under the collection's work prefix; the collection
 * job (the parent) merges them once every unit has finished (merge-units.ts). Without a shared
 * queue (embedded mode) the plan is a single unit covering everything, run in this process.
 */
import { z } from 'zod';
import { COLLECTORS } from '../core/catalog.js';
import type { CollectionRequest, ProgressEvent, RunCollection } from '../core/collection-run.js';
import type { JobContext, JobSpec } from '../jobs/queue.js';
import { collectAccount } from '../pipeline/collect.js';
import { CollectionMetadataSchema } from '../shared/api/collections.js';
import { keys } from '../storage/keys.js';
import type { ProgressHub } from './progress.js';
import { listSelectableRegions } from './regions.js';
import type { CollectionStore } from './store.js';
import { type ResolveCredentials, type StoredCollection, withFields } from './types.js';

export const COLLECTION_UNIT_JOB = 'collection-unit';
/** The unit of the global services (IAM, S3 …). Region names never look like this. */
export const GLOBAL_UNIT = 'global';
/** The single unit of a collection that is not split. */
export const WHOLE_UNIT = 'all';

export const CollectionPlanSchema = z.object({
  units: z.array(z.string()),
  /** The regions the collection covers (every enabled one when it asked for all). */
  regions: z.array(z.string()),
  skippedRegions: z.array(z.object({ region: z.string(), reason: z.string() })),
});
export type CollectionPlan = z.infer<typeof CollectionPlanSchema>;

export const UnitOutcomeSchema = z.object({
  unit: z.string(),
  status: z.enum(['done', 'cancelled', 'failed']),
  failureReason: z.string().optional(),
  outcome: CollectionMetadataSchema.pick({
    regions: true,
    skippedRegions: true,
    services: true,
    results: true,
    errors: true,
    resourceCounts: true,
    apiCalls: true,
  }),
});
export type UnitOutcome = z.infer<typeof UnitOutcomeSchema>;

/** A unit's records of one service (read loosely: the merged document is what readers parse). */
export const UnitServiceDocumentSchema = z.object({
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export interface UnitJobPayload {
  username: string;
  collectionId: string;
  unit: string;
}

export interface UnitDeps {
  store: CollectionStore;
  hub: ProgressHub;
  resolveCredentials: ResolveCredentials;
  runCollection: RunCollection;
  now: () => Date;
  homeRegion: string;
  /** Split into region units (a shared queue with several workers) or run as one unit. */
  split: boolean;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/** BullMQ job ids may not contain ':'; collection ids and region names have neither '.' nor ':'. */
export const unitJobId = (collectionId: string, unit: string) => `${collectionId}.${unit}`;

export const unitKey = (c: StoredCollection, unit: string, name: string) =>
  keys.collectionUnitDocument(c.username, c.id, unit, name);

/** The collectors a collection asked for (their dependencies share their scope). */
const chosenCollectors = (c: StoredCollection) =>
  COLLECTORS.filter((info) =>
    c.collectors ? c.collectors.includes(info.id) : c.services.includes(info.service),
  );

const scopesOf = (c: StoredCollection) => new Set(chosenCollectors(c).map((info) => info.scope));

/** True when `unit` collects some of `service` (so that service's document needs its part). */
export function unitCovers(c: StoredCollection, unit: string, service: string): boolean {
  if (unit === WHOLE_UNIT) return true;
  const scope = unit === GLOBAL_UNIT ? 'global' : 'regional';
  return chosenCollectors(c).some((info) => info.service === service && info.scope === scope);
}

/** The request one unit runs: its scope and region, the collection's services and collectors. */
export function unitRequest(c: StoredCollection, unit: string): CollectionRequest {
  const base = { services: c.services, ...(c.collectors ? { collectors: c.collectors } : {}) };
  if (unit === WHOLE_UNIT) return { ...base, regions: c.requestedRegions ?? c.regions };
  if (unit === GLOBAL_UNIT) return { ...base, regions: [], scope: 'global' };
  return { ...base, regions: [unit], scope: 'regional' };
}

export function createUnits(deps: UnitDeps) {
  const { store } = deps;

  async function decidePlan(c: StoredCollection): Promise<CollectionPlan> {
    const requested = c.requestedRegions ?? c.regions;
    if (!deps.split) return { units: [WHOLE_UNIT], regions: [], skippedRegions: [] };
    let regions: string[] = requested === 'all-enabled' ? [] : requested;
    const skippedRegions: CollectionPlan['skippedRegions'] = [];
    if (requested === 'all-enabled') {
      const answer = await listSelectableRegions(
        deps.resolveCredentials,
        c.username,
        c.connectionId,
        deps.homeRegion,
        c.accountId,
      );
      regions = answer.regions.filter((r) => r.enabled).map((r) => r.name);
      for (const r of answer.regions)
        if (!r.enabled) skippedRegions.push({ region: r.name, reason: 'not-opted-in' });
    }
    const scopes = scopesOf(c);
    const units = [
      ...(scopes.has('global') ? [GLOBAL_UNIT] : []),
      ...(scopes.has('regional') ? regions : []),
    ];
    return { units, regions, skippedRegions };
  }

  return {
    /** The collection's plan: decided once (create-only), read back when the parent runs again. */
    async plan(c: StoredCollection): Promise<CollectionPlan> {
      const key = keys.collectionPlan(c.username, c.id);
      const existing = await store.read(key, CollectionPlanSchema);
      if (existing) return existing;
      await store.createOnce(key, await decidePlan(c));
      // Whichever write came first stands (a parent re-run racing its first attempt).
      return (await store.read(key, CollectionPlanSchema)) ?? { units: [], regions: [], skippedRegions: [] };
    },

    children(c: StoredCollection, plan: CollectionPlan): JobSpec<UnitJobPayload>[] {
      return plan.units.map((unit) => ({
        id: unitJobId(c.id, unit),
        type: COLLECTION_UNIT_JOB,
        payload: { username: c.username, collectionId: c.id, unit },
      }));
    },

    /** The unit job: collect, write each service's records, then the outcome (all create-only). */
    async run(payload: UnitJobPayload, ctx: JobContext): Promise<void> {
      const { username, collectionId: id, unit } = payload;
      const log = withFields(deps.log, { jobId: unitJobId(id, unit), user: username });
      const c = await store.getMetadata(username, id);
      if (c?.status !== 'running') return;
      const outcomeKey = unitKey(c, unit, 'outcome');
      if (await store.read(outcomeKey, UnitOutcomeSchema)) return;
      const request = unitRequest(c, unit);
      const empty: UnitOutcome['outcome'] = {
        regions: [],
        services: c.services,
        results: {},
        errors: [],
        resourceCounts: {},
      };
      let result: UnitOutcome;
      try {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        const access = await deps.resolveCredentials(username, c.connectionId, c.accountId);
        const write = async (document: { service: string; collectedAt: string; data: object }) => {
          if (!ctx.signal.aborted) await store.createOnce(unitKey(c, unit, document.service), document);
        };
        const collected = await collectAccount(deps.runCollection, {
          access,
          request,
          signal: ctx.signal,
          onProgress: (event: ProgressEvent) => deps.hub.update(id, event),
          onServiceDocument: write,
        });
        for (const document of collected.documents) await write(document);
        result = {
          unit,
          status: collected.status === 'cancelled' ? 'cancelled' : 'done',
          outcome: collected.outcome,
        };
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        if (!ctx.signal.aborted)
          log('error', 'collection unit failed', { collectionId: id, unit, error: reason });
        result = ctx.signal.aborted
          ? { unit, status: 'cancelled', outcome: empty }
          : { unit, status: 'failed', failureReason: reason, outcome: empty };
      }
      await store.createOnce(outcomeKey, result);
    },
  };
}

export type CollectionUnits = ReturnType<typeof createUnits>;
