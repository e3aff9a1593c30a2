/**
 * Cost Explorer in the emulator: moto tracks no cost, but answers `GetCostAndUsage` from a queue of
 * results set through its API (POST /moto-api/static/ce/cost-and-usage-results). Each request with
 * a body it has not seen takes the next queued result, and the same body gets the same answer again.
 */
import type { Pluggable } from '@smithy/types';
import { motoEndpoint } from './moto.js';

export interface CostGroup {
  keys: string[];
  usd: number;
}

export interface CostPage {
  /** `YYYY-MM` → the groups of that month. */
  months: Record<string, CostGroup[]>;
  estimated?: string[];
  nextPageToken?: string;
}

/** One GetCostAndUsage answer in the wire shape (monthly, UnblendedCost). */
export function costAndUsageResult(page: CostPage): Record<string, unknown> {
  return {
    ResultsByTime: Object.entries(page.months).map(([month, groups]) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
      return {
        TimePeriod: { Start: `${month}-01`, End: end },
        Total: {},
        Groups: groups.map((g) => ({
          Keys: g.keys,
          Metrics: { UnblendedCost: { Amount: String(g.usd), Unit: 'USD' } },
        })),
        Estimated: page.estimated?.includes(month) ?? false,
      };
    }),
    DimensionValueAttributes: [],
    ...(page.nextPageToken ? { NextPageToken: page.nextPageToken } : {}),
  };
}

/** Queues answers for the next new GetCostAndUsage requests of `accountId` (moto's default account). */
export async function queueCostResults(pages: CostPage[], accountId = '123456789012'): Promise<void> {
  const res = await fetch(`${motoEndpoint()}/moto-api/static/ce/cost-and-usage-results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_id: accountId, results: pages.map(costAndUsageResult) }),
  });
  if (res.status !== 201) throw new Error(`moto ce results: ${res.status} ${await res.text()}`);
}

/** Counts the Cost Explorer requests that really leave the SDK (every attempt). */
export function countCostExplorerCalls(): { plugin: Pluggable<object, object>; count: () => number } {
  let calls = 0;
  return {
    count: () => calls,
    plugin: {
      applyToStack(stack) {
        stack.add(
          (next, context) => async (args) => {
            if (context.clientName === 'CostExplorerClient') calls++;
            return await next(args);
          },
          { step: 'finalizeRequest', priority: 'low', name: 'testCostExplorerCounter' },
        );
      },
    },
  };
}
