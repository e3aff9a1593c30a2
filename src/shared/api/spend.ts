import { z } from 'zod';
import { ServiceIdSchema } from './collections.js';

/**
 * The Spend page: AWS Cost Explorer `GetCostAndUsage` (monthly unblended cost, credits and refunds
 * left out) for the last six complete months plus the month to date, grouped by service or by one
 * cost-allocation tag. Every Cost Explorer request costs 0.01 USD, so answers are cached per user ×
 * connection × UTC day × grouping; a refresh is allowed once an hour per grouping.
 */

/** Cost-allocation tag keys: up to 128 letters, digits, spaces and `_ . : / = + - @`. */
export const CostTagKey = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\p{L}\p{N} _.:/=+\-@]+$/u, 'tag_key_invalid');

/** `?groupBy=service` (default) or `?groupBy=tag&tagKey=team`. */
export const SpendQuery = z
  .object({
    groupBy: z.enum(['service', 'tag']).default('service'),
    tagKey: CostTagKey.optional(),
  })
  .refine((q) => q.groupBy !== 'tag' || q.tagKey !== undefined, {
    message: 'tag_key_required',
    path: ['tagKey'],
  });
export type SpendQuery = z.infer<typeof SpendQuery>;

export const SpendExportQuery = z
  .object({
    groupBy: z.enum(['service', 'tag']).default('service'),
    tagKey: CostTagKey.optional(),
    lang: z.enum(['ko', 'en']).default('en'),
  })
  .refine((q) => q.groupBy !== 'tag' || q.tagKey !== undefined, {
    message: 'tag_key_required',
    path: ['tagKey'],
  });

export const SpendParams = z.object({ connectionId: z.string().min(1).max(100) });

export const SpendGrouping = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service') }),
  z.object({ kind: z.literal('tag'), key: CostTagKey }),
]);
export type SpendGrouping = z.infer<typeof SpendGrouping>;

export const SpendMonth = z.object({
  /** `YYYY-MM` */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** False for the month to date (the last one). */
  complete: z.boolean(),
  /** Cost Explorer marks figures that may still change as estimated. */
  estimated: z.boolean(),
});
export type SpendMonth = z.infer<typeof SpendMonth>;

/** Change from the month before the last complete month to the last complete month. */
export const MonthOverMonth = z.object({
  usd: z.number(),
  /** Null when the earlier month cost nothing (no meaningful percentage). */
  percent: z.number().nullable(),
});
export type MonthOverMonth = z.infer<typeof MonthOverMonth>;

export const SpendRow = z.object({
  /** The Cost Explorer SERVICE name, or the tag value ('' = resources without the tag). */
  key: z.string(),
  /** USD per month, in the order of `months`. */
  amounts: z.array(z.number()),
  change: MonthOverMonth,
  /** Open, unmuted advisor savings per month for this service (service grouping only). */
  savingsUsd: z.number().nonnegative().nullable(),
  /** Advisor services whose savings are counted in this row. */
  advisorServices: z.array(ServiceIdSchema),
});
export type SpendRow = z.infer<typeof SpendRow>;

export const SpendResponse = z.object({
  connection: z.object({ id: z.string(), name: z.string(), accountId: z.string() }),
  grouping: SpendGrouping,
  metric: z.literal('UnblendedCost'),
  currency: z.literal('USD'),
  months: z.array(SpendMonth),
  /** Biggest spender of the last complete month first. */
  rows: z.array(SpendRow),
  totals: z.object({ amounts: z.array(z.number()), change: MonthOverMonth }),
  /** When Cost Explorer was asked (these figures are that answer, cached for the UTC day). */
  fetchedAt: z.string(),
  /** Paid Cost Explorer requests that answer took (one per page). */
  costExplorerRequests: z.number().int().nonnegative(),
  /** When an explicit refresh is allowed again. */
  refreshAvailableAt: z.string(),
  /** True when served from the cache (no Cost Explorer request was made). */
  cached: z.boolean(),
  /** The advisor runs the savings come from (latest completed run per service of this connection). */
  savingsSources: z.array(z.object({ service: ServiceIdSchema, runId: z.string(), at: z.string() })),
});
export type SpendResponse = z.infer<typeof SpendResponse>;
