import { z } from 'zod';
import { AdvisorRunSummary, FindingSchema } from './advisor.js';
import { ServiceIdSchema } from './collections.js';

/**
 * GET /api/dashboard — the advisor figures of the dashboard, each service taken from the latest
 * completed run that evaluated it (a later run of only S3 does not hide the EC2 findings of an
 * earlier full run). Mutes in force now are applied, as in the run history. The score trend stays
 * per run: read it from GET /api/advisor/runs.
 */
export const DashboardSource = z.object({
  service: ServiceIdSchema,
  runId: z.string(),
  /** When that run finished (its request time if the finish time is missing). */
  at: z.string(),
});
export type DashboardSource = z.infer<typeof DashboardSource>;

export const DashboardResponse = z.object({
  /** One entry per service some completed run evaluated, in the canonical service order. */
  sources: z.array(DashboardSource),
  /** Counts, score and savings over the merged findings; null before the first completed run. */
  results: AdvisorRunSummary.shape.results.unwrap().nullable(),
  /** The ten biggest open, unmuted savings of the merged findings, biggest first. */
  topSavings: z.array(FindingSchema),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
