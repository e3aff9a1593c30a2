import { z } from 'zod';
import { FindingSchema, SeveritySchema } from './advisor.js';
import { CollectorIdSchema, RegionName, ServiceIdSchema } from './collections.js';
import { ScopeField } from './scope.js';

/**
 * Reading resources across collections and runs (src/server/routes/resources.ts): the search over
 * the latest collections' resources and tags, a resource's findings, and per-resource open counts
 * for the inventory tables. Error codes: `validation_failed`.
 */

const Region = z.union([RegionName, z.literal('global')]);

/** One resource in a collection's search index (users/{u}/collections/{id}/index/resources.json). */
export const SearchIndexEntrySchema = z.object({
  collector: CollectorIdSchema,
  id: z.string(),
  name: z.string().optional(),
  region: z.string(),
  /** [key, value] pairs. */
  tags: z.array(z.tuple([z.string(), z.string()])).optional(),
});
export type SearchIndexEntry = z.infer<typeof SearchIndexEntrySchema>;

/** The compact index written once (create-only) when a collection completes. */
export const SearchIndexSchema = z.object({
  version: z.literal(1),
  collectionId: z.string(),
  entries: z.array(SearchIndexEntrySchema),
});
export type SearchIndex = z.infer<typeof SearchIndexSchema>;

/**
 * GET /api/resources/search?q= — words all match (AND), each against the id, name, region, kind
 * (collector id or its ko/en label) or a tag; `key=value` matches a tag (value may be empty: any
 * value of that key). Over each service × region's latest finished collection.
 */
export const ResourceSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only the resources of the accounts in this scope (see scope.ts). */
  scope: ScopeField,
});
export type ResourceSearchQuery = z.infer<typeof ResourceSearchQuery>;

export const ResourceSearchHit = z.object({
  collectionId: z.string(),
  accountId: z.string().optional(),
  collector: CollectorIdSchema,
  service: ServiceIdSchema,
  resourceId: z.string(),
  name: z.string().optional(),
  region: z.string(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type ResourceSearchHit = z.infer<typeof ResourceSearchHit>;

export const ResourceSearchResponse = z.object({
  /** Matches over every searched collection (the first `limit` are returned). */
  total: z.number().int().nonnegative(),
  results: z.array(ResourceSearchHit),
  /** The collections searched (each the latest for some service × region). */
  collections: z.array(z.object({ collectionId: z.string(), finishedAt: z.string() })),
});
export type ResourceSearchResponse = z.infer<typeof ResourceSearchResponse>;

const CollectionId = z.string().min(1).max(100);

/**
 * GET /api/resources/findings?collectionId=&collector=&resourceId=&region= — one resource's findings
 * from the latest completed runs of the collection's account. Unknown collection → 404.
 */
export const ResourceFindingsQuery = z.object({
  collectionId: CollectionId,
  collector: CollectorIdSchema,
  resourceId: z.string().min(1).max(2048),
  region: Region,
});
export type ResourceFindingsQuery = z.infer<typeof ResourceFindingsQuery>;

export const ResourceFindingsResponse = z.object({
  /** The latest completed run that covered the resource's service × region; null when none did. */
  run: z.object({ runId: z.string(), finishedAt: z.string() }).nullable(),
  /** Failing and warning, unmuted. */
  open: z.array(FindingSchema),
  muted: z.array(FindingSchema),
  passed: z.array(FindingSchema),
  /** Checks that could not decide (input missing or failed). */
  unknown: z.array(FindingSchema),
  /** Sum over the open findings. */
  estimatedMonthlySavingsUsd: z.number().nonnegative(),
});
export type ResourceFindingsResponse = z.infer<typeof ResourceFindingsResponse>;

/** GET /api/resources/finding-counts?collectionId=&service= — open findings per resource of the service's checks. */
export const FindingCountsQuery = z.object({ collectionId: CollectionId, service: ServiceIdSchema });
export const ResourceFindingCount = z.object({
  resourceId: z.string(),
  region: z.string(),
  open: z.number().int().positive(),
  /** The most severe open finding. */
  severity: SeveritySchema,
});
export type ResourceFindingCount = z.infer<typeof ResourceFindingCount>;
export const FindingCountsResponse = z.object({
  /** Only resources with open findings; each service × region from its latest completed run. */
  counts: z.array(ResourceFindingCount),
});
export type FindingCountsResponse = z.infer<typeof FindingCountsResponse>;
