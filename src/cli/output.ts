import { z } from 'zod';
import {
  CollectionErrorSchema,
  CollectionStatusSchema,
  CollectorIdSchema,
  CollectorOutcomeSchema,
  ServiceIdSchema,
} from '../shared/api/collections.js';

/** What `again-console collect` prints: the collection summary and every collected record. */
export const CollectOutput = z.object({
  account: z.object({ id: z.string() }),
  regions: z.array(z.string()),
  services: z.array(ServiceIdSchema),
  collection: z.object({
    id: z.string(),
    status: CollectionStatusSchema,
    startedAt: z.string(),
    finishedAt: z.string(),
    durationMs: z.number(),
    resourceCounts: z.partialRecord(CollectorIdSchema, z.number()),
    errors: z.array(CollectionErrorSchema),
    skippedRegions: z.array(z.object({ region: z.string(), reason: z.string() })).optional(),
    results: z.partialRecord(CollectorIdSchema, z.record(z.string(), CollectorOutcomeSchema)),
    apiCalls: z.record(z.string(), z.number()).optional(),
  }),
  /** service → collector → records (as stored in {service}.json). */
  data: z.partialRecord(
    ServiceIdSchema,
    z.partialRecord(CollectorIdSchema, z.array(z.record(z.string(), z.unknown()))),
  ),
});
export type CollectOutput = z.infer<typeof CollectOutput>;
