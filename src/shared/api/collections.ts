import { z } from 'zod';
import { COLLECTOR_IDS } from '../../core/catalog.js';
import { SERVICE_IDS } from '../../core/services.js';
import { AccountIdSchema } from './orgs.js';

/**
 * Schemas of the collections API (src/server/routes/collections.ts), shared with the web client.
 * Error codes (ApiError.error.code) used by these routes:
 * `validation_failed`, `unknown_service`, `region_invalid`, `no_connection`, `connection_not_found`,
 * `collection_not_found`, `collection_running`, `collection_not_running`, `service_not_collected`,
 * `collector_not_found`, `resource_not_found`, `diff_account_mismatch`, `diff_not_completed`.
 */

/** Every collector id, service ids and resource id fields: derived from the descriptors. */
export { COLLECTOR_IDS, METRICS_COLLECTOR_OF, RESOURCE_ID_FIELDS } from '../../core/catalog.js';

export const ServiceIdSchema = z.enum(SERVICE_IDS);
export const CollectorIdSchema = z.enum(COLLECTOR_IDS);
/** AWS region names: us-east-1, ap-northeast-2, us-gov-west-1, cn-north-1, eu-isoe-west-1 … */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const RegionName = z.string().trim().regex(REGION_PATTERN, 'region_invalid');

// ---------------------------------------------------------------- start
/** POST /api/collections → 202 CollectionResponse. */
export const StartCollectionBody = z.object({
  connectionId: z.string().min(1).max(100).optional(),
  /** A member account of the connection's organization (default: the connection's own account). */
  accountId: AccountIdSchema.optional(),
  /** Whole services; may be empty when `collectors` names what to collect. */
  services: z.array(ServiceIdSchema).max(SERVICE_IDS.length),
  regions: z.union([z.literal('all-enabled'), z.array(RegionName).min(1).max(40)]),
  /** Only these collectors (plus the collectors they depend on), in addition to `services`. */
  collectors: z.array(CollectorIdSchema).min(1).max(COLLECTOR_IDS.length).optional(),
});
export type StartCollectionBody = z.infer<typeof StartCollectionBody>;

// ---------------------------------------------------------------- metadata
export const CollectionStatusSchema = z.enum([
  'queued',
  'running',
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
]);
export type CollectionStatus = z.infer<typeof CollectionStatusSchema>;
export const FINAL_STATUSES: readonly CollectionStatus[] = [
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
];

export const CollectionErrorSchema = z.object({
  service: ServiceIdSchema,
  region: z.string(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
  collector: CollectorIdSchema.optional(),
  /** How many resources hit this same per-resource error. */
  occurrences: z.number().optional(),
});

export const CollectorOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), count: z.number(), durationMs: z.number().optional() }),
  z.object({ status: z.literal('error'), error: CollectionErrorSchema, durationMs: z.number().optional() }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
]);

/** The stored users/{username}/collections/{id}/metadata.json (src/core/snapshot.ts CollectionMetadata). */
export const CollectionMetadataSchema = z.object({
  id: z.string(),
  username: z.string(),
  connectionId: z.string(),
  connectionName: z.string().optional(),
  accountId: z.string().optional(),
  status: CollectionStatusSchema,
  failureReason: z.string().optional(),
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  regions: z.array(z.string()),
  skippedRegions: z.array(z.object({ region: z.string(), reason: z.string() })).optional(),
  services: z.array(ServiceIdSchema),
  /** Set when only these collectors (plus their dependencies) were asked for, not whole services. */
  collectors: z.array(CollectorIdSchema).optional(),
  results: z.partialRecord(CollectorIdSchema, z.record(z.string(), CollectorOutcomeSchema)),
  errors: z.array(CollectionErrorSchema),
  resourceCounts: z.partialRecord(CollectorIdSchema, z.number()),
  apiCalls: z.record(z.string(), z.number()).optional(),
  /** What the user asked for ('all-enabled' becomes `regions` once the run resolves it). */
  requestedRegions: z.union([z.literal('all-enabled'), z.array(z.string())]).optional(),
});
export type CollectionMetadataDto = z.infer<typeof CollectionMetadataSchema>;

/** POST /api/collections (202), GET /api/collections/:id, POST /api/collections/:id/cancel. */
export const CollectionResponse = z.object({ collection: CollectionMetadataSchema });

/** One row of the history list. */
export const CollectionSummary = CollectionMetadataSchema.pick({
  id: true,
  connectionId: true,
  connectionName: true,
  accountId: true,
  status: true,
  failureReason: true,
  requestedAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  regions: true,
  services: true,
  resourceCounts: true,
}).extend({ errorCount: z.number() });
export type CollectionSummary = z.infer<typeof CollectionSummary>;

/** GET /api/collections — newest first. DELETE /api/collections/:id → 204. */
export const CollectionsResponse = z.object({ collections: z.array(CollectionSummary) });

// ---------------------------------------------------------------- progress (SSE)
export const ProgressStateSchema = z.enum(['pending', 'running', 'done', 'error', 'skipped']);
/** One collector × region cell (src/core/collection-run.ts ProgressEvent). */
export const ProgressEntry = z.object({
  service: ServiceIdSchema,
  collector: CollectorIdSchema,
  region: z.string(),
  state: ProgressStateSchema,
  count: z.number().optional(),
  error: CollectionErrorSchema.optional(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/**
 * GET /api/collections/:id/progress is a text/event-stream:
 * - `event: snapshot` data ProgressSnapshot (first, and after every reconnect)
 * - `event: progress` data ProgressEntry (every change)
 * - `event: status`   data { status } (queued → running …)
 * - `event: done`     data CollectionResponse (final metadata), then the stream closes
 * - comment lines `: heartbeat` every 15 s keep proxies from closing it.
 */
export const ProgressSnapshot = z.object({
  collectionId: z.string(),
  status: CollectionStatusSchema,
  entries: z.array(ProgressEntry),
});
export type ProgressSnapshot = z.infer<typeof ProgressSnapshot>;
export const ProgressStatusEvent = z.object({ status: CollectionStatusSchema });

// ---------------------------------------------------------------- records
const ResourceRecord = z.record(z.string(), z.unknown());

/** GET /api/collections/:id/services/:service?collector=&q=&sort=&order=&offset=&limit= */
export const ServiceRecordsQuery = z.object({
  collector: CollectorIdSchema.optional(),
  /** Case-insensitive substring over every scalar field and tag. */
  q: z.string().max(200).optional(),
  /** A top-level field name of the record (or `tags.<key>`). */
  sort: z
    .string()
    .max(100)
    .regex(/^[\w.:-]+$/)
    .optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type ServiceRecordsQuery = z.infer<typeof ServiceRecordsQuery>;

export const ServiceRecordsResponse = z.object({
  collectionId: z.string(),
  service: ServiceIdSchema,
  collector: CollectorIdSchema,
  /** Collectors present in this service's document, for the table's tabs. */
  collectors: z.array(CollectorIdSchema),
  /** Rows matching `q` (before paging). */
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  items: z.array(ResourceRecord),
});

/** GET /api/collections/:id/resources/:collector/:resourceId[?region=] */
export const ResourceQuery = z.object({ region: RegionName.or(z.literal('global')).optional() });
export const ResourceResponse = z.object({
  collectionId: z.string(),
  collector: CollectorIdSchema,
  resourceId: z.string(),
  resource: ResourceRecord,
  metricsCollector: CollectorIdSchema.optional(),
  /** The matching metrics record (CPU, network, memory …), null when none was collected. */
  metrics: ResourceRecord.nullable(),
});

// ---------------------------------------------------------------- diff
/** GET /api/collections/diff?from=ID&to=ID */
export const DiffQuery = z.object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100) });

export const DiffResourceRef = z.object({ id: z.string(), region: z.string(), name: z.string().optional() });
export const FieldChange = z.object({
  /** Dotted path, e.g. `instanceType`, `tags.Env`, `ingress[0].ipv4Ranges`. */
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const CollectorDiff = z.object({
  collector: CollectorIdSchema,
  added: z.array(DiffResourceRef),
  removed: z.array(DiffResourceRef),
  changed: z.array(DiffResourceRef.extend({ fields: z.array(FieldChange) })),
});
export const ServiceDiff = z.object({ service: ServiceIdSchema, collectors: z.array(CollectorDiff) });
export const DiffResponse = z.object({
  from: CollectionSummary,
  to: CollectionSummary,
  /** Services present in both collections; the others cannot be compared. */
  services: z.array(ServiceDiff),
  totals: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
});
export type DiffResponse = z.infer<typeof DiffResponse>;

// ---------------------------------------------------------------- regions
/** GET /api/regions[?connectionId=][&accountId=] (a member account of an organization connection) */
export const RegionsQuery = z.object({
  connectionId: z.string().min(1).max(100).optional(),
  accountId: AccountIdSchema.optional(),
});
export const RegionsResponse = z.object({
  regions: z.array(
    z.object({
      name: z.string(),
      /** opt-in-not-required | opted-in | not-opted-in (absent for the fallback list). */
      optInStatus: z.string().optional(),
      enabled: z.boolean(),
    }),
  ),
  /** `aws`: DescribeRegions answered; `fallback`: the built-in list (no connection, or AWS failed). */
  source: z.enum(['aws', 'fallback']),
});

// ---------------------------------------------------------------- helpers shared with the web
export interface ServiceRegionProgress {
  service: z.infer<typeof ServiceIdSchema>;
  region: string;
  /** error if any collector failed, running while any runs or waits, skipped if all skipped, else done. */
  state: z.infer<typeof ProgressStateSchema>;
  /** Collectors finished (done, error or skipped) out of `total`. */
  finished: number;
  total: number;
  /** Resources found so far by the finished collectors. */
  count: number;
}

/** Rolls collector × region progress entries up to one cell per service × region. */
export function progressByServiceRegion(entries: readonly ProgressEntry[]): ServiceRegionProgress[] {
  const cells = new Map<string, ProgressEntry[]>();
  for (const e of entries) {
    const key = `${e.service}|${e.region}`;
    cells.set(key, [...(cells.get(key) ?? []), e]);
  }
  return [...cells.values()].map((group) => {
    const first = group[0] as ProgressEntry;
    const states = new Set(group.map((e) => e.state));
    const finished = group.filter(
      (e) => e.state === 'done' || e.state === 'error' || e.state === 'skipped',
    ).length;
    const state = states.has('error')
      ? 'error'
      : states.has('running') || states.has('pending')
        ? states.has('running') || finished > 0
          ? 'running'
          : 'pending'
        : states.has('done')
          ? 'done'
          : 'skipped';
    const count = group.reduce((sum, e) => sum + (e.state === 'done' ? (e.count ?? 0) : 0), 0);
    return { service: first.service, region: first.region, state, finished, total: group.length, count };
  });
}
