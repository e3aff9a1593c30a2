import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AdvisorRunServiceDocument, Finding } from '../core/findings.js';
import { CategorySchema, FindingStatusSchema, SeveritySchema } from '../shared/api/advisor.js';
import { ServiceIdSchema } from '../shared/api/collections.js';
import { isOpen } from './summary.js';

/** The biggest open savings kept per run: enough for the dashboard's top ten unless mutes hide some. */
export const SAVINGS_KEPT = 10;

/** Width of one resource fingerprint in `resourcePrints` (24 bits of SHA-1, base64url). */
const PRINT_WIDTH = 4;

const cents = z.number().int().nonnegative();

/**
 * The compact figures of one completed run, derived once from its findings (mutes not applied:
 * they are applied when the figures are read, so a mute made after the run still counts).
 * Tuples keep the roll-up index of a 500-account organization small.
 */
export const RunFigures = z.object({
  /** The checks of the run's findings: [checkId, service, category, severity]. */
  checks: z.array(z.tuple([z.string(), ServiceIdSchema, CategorySchema, SeveritySchema])),
  /** Findings alike in check, region and status: [index in `checks`, region, status, count, savings in cents]. */
  groups: z.array(z.tuple([z.number().int(), z.string(), FindingStatusSchema, z.number().int(), cents])),
  /**
   * Open findings with savings, biggest first (document order on ties):
   * [index in `checks`, region, resourceId, savings in cents, index in its service's document].
   */
  savings: z.array(z.tuple([z.number().int(), z.string(), z.string(), cents, z.number().int()])),
  /** False when the run had more open savings than `savings` keeps. */
  savingsComplete: z.boolean(),
  /** Sorted fingerprints of every finding's check × resource: which runs a resource mute can touch. */
  resourcePrints: z.string(),
});
export type RunFigures = z.infer<typeof RunFigures>;

export const resourcePrint = (checkId: string, resourceId: string) =>
  createHash('sha1').update(`${checkId}\u0000${resourceId}`).digest('base64url').slice(0, PRINT_WIDTH);

/** Whether the run may hold a finding of this check × resource (a false "yes" only costs a read). */
export function mayHoldResource(figures: RunFigures, checkId: string, resourceId: string): boolean {
  const wanted = resourcePrint(checkId, resourceId);
  const prints = figures.resourcePrints;
  let low = 0;
  let high = prints.length / PRINT_WIDTH - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = prints.slice(mid * PRINT_WIDTH, (mid + 1) * PRINT_WIDTH);
    if (at === wanted) return true;
    if (at < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

const toCents = (usd: number | undefined) => Math.round((usd ?? 0) * 100);

/** The figures of a run from its stored service documents (in the run's service order). */
export function computeRunFigures(docs: readonly Pick<AdvisorRunServiceDocument, 'findings'>[]): RunFigures {
  const checkRows: RunFigures['checks'] = [];
  const checkIndex = new Map<string, number>();
  const groups = new Map<string, RunFigures['groups'][number]>();
  // `order` (document order across the run) breaks ties the way a stable sort of the findings does.
  const savings: { row: RunFigures['savings'][number]; order: number }[] = [];
  const prints = new Set<string>();
  let order = 0;
  const checkOf = (f: Finding) => {
    const key = [f.checkId, f.service, f.category, f.severity].join('\u0000');
    let index = checkIndex.get(key);
    if (index === undefined) {
      index = checkRows.push([f.checkId, f.service, f.category, f.severity]) - 1;
      checkIndex.set(key, index);
    }
    return index;
  };
  for (const doc of docs) {
    doc.findings.forEach((f, position) => {
      const check = checkOf(f);
      const amount = toCents(f.estimatedMonthlySavingsUsd);
      const key = `${check}\u0000${f.region}\u0000${f.status}`;
      const group = groups.get(key);
      if (group) {
        group[3] += 1;
        group[4] += amount;
      } else groups.set(key, [check, f.region, f.status, 1, amount]);
      prints.add(resourcePrint(f.checkId, f.resourceId));
      if (isOpen(f) && amount > 0)
        savings.push({ row: [check, f.region, f.resourceId, amount, position], order });
      order++;
    });
  }
  savings.sort((a, b) => b.row[3] - a.row[3] || a.order - b.order);
  return {
    checks: checkRows,
    groups: [...groups.values()],
    savings: savings.slice(0, SAVINGS_KEPT).map((s) => s.row),
    savingsComplete: savings.length <= SAVINGS_KEPT,
    resourcePrints: [...prints].sort().join(''),
  };
}
