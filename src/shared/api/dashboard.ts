import { z } from 'zod';
import { AdvisorRunSummary, FindingSchema } from './advisor.js';
import { ServiceIdSchema } from './collections.js';

/**
 * GET /api/dashboard — the advisor figures of the dashboard, each service × region taken from the
 * latest completed run that covered it (a later run of only S3, or of one region, does not hide
 * what an earlier, wider run found elsewhere). Mutes in force now are applied, as in the run history. The score trend stays
 * per run: read it from GET /api/advisor/runs.
 */
export const DashboardSource = z.object({
  service: ServiceIdSchema,
  /**
   * A region the run covered, or `global`: the service's global findings and any region no
   * completed run asked for come from its latest run.
   */
  region: z.string(),
  runId: z.string(),
  /** When that run finished (its request time if the finish time is missing). */
  at: z.string(),
  /** The account the run read: each account has its own sources. */
  connectionId: z.string(),
  accountId: z.string().optional(),
});
export type DashboardSource = z.infer<typeof DashboardSource>;

export const DashboardResponse = z.object({
  /** One entry per service × region some completed run covered (service order, `global` first). */
  sources: z.array(DashboardSource),
  /** Counts, score and savings over the merged findings; null before the first completed run. */
  results: AdvisorRunSummary.shape.results.unwrap().nullable(),
  /** The ten biggest open, unmuted savings of the merged findings, biggest first. */
  topSavings: z.array(FindingSchema),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
