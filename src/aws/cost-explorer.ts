/**
 * AWS Cost Explorer `GetCostAndUsage`: monthly unblended cost grouped by SERVICE or by one
 * cost-allocation tag. Its endpoint is always us-east-1 (the API is global). Every request, each
 * page included, costs 0.01 USD: callers cache the answer (src/spend).
 */
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GroupDefinition,
} from '@aws-sdk/client-cost-explorer';
import type { AwsCredentialIdentityProvider, Pluggable } from '@smithy/types';
import { createClientFactory } from './clients.js';

export const COST_EXPLORER_REGION = 'us-east-1';
export const COST_METRIC = 'UnblendedCost';
/** A runaway paginator must not spend money without bound (a month × service answer is one page). */
export const MAX_COST_EXPLORER_PAGES = 20;

export type CostGrouping = { kind: 'service' } | { kind: 'tag'; key: string };

export interface MonthlyCostQuery {
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  grouping: CostGrouping;
  /** First day of the first month, `YYYY-MM-DD` (inclusive). */
  start: string;
  /** `YYYY-MM-DD`, exclusive (Cost Explorer's convention). */
  end: string;
  /** Test-only middleware (fault injection). */
  plugins?: Pluggable<object, object>[];
}

/** One group's cost in one month (`month` is the period's start, `YYYY-MM`). */
export interface MonthlyCost {
  month: string;
  key: string;
  amountUsd: number;
  estimated: boolean;
}

export interface MonthlyCostAnswer {
  costs: MonthlyCost[];
  /** Months Cost Explorer marked as estimated (present even when no group had a cost). */
  estimatedMonths: string[];
  /** Paid requests made (pages). */
  requests: number;
}

function groupBy(grouping: CostGrouping): GroupDefinition[] {
  return grouping.kind === 'service'
    ? [{ Type: 'DIMENSION', Key: 'SERVICE' }]
    : [{ Type: 'TAG', Key: grouping.key }];
}

/** Tag groups come back as `key$value` (`key$` = untagged); services as their name. */
function groupKey(grouping: CostGrouping, raw: string): string {
  if (grouping.kind === 'service') return raw;
  const prefix = `${grouping.key}$`;
  return raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
}

export async function getMonthlyCosts(query: MonthlyCostQuery): Promise<MonthlyCostAnswer> {
  const factory = createClientFactory({
    credentials: query.credentials,
    ...(query.endpoint ? { endpoint: query.endpoint } : {}),
    ...(query.plugins ? { plugins: query.plugins } : {}),
    // Throttling is retried, but each attempt that reaches AWS may be billed: keep it short.
    maxAttempts: 3,
  });
  const client = factory.get(CostExplorerClient, COST_EXPLORER_REGION);
  const costs: MonthlyCost[] = [];
  const estimatedMonths = new Set<string>();
  let pages = 0;
  try {
    let token: string | undefined;
    do {
      if (pages >= MAX_COST_EXPLORER_PAGES) break;
      pages++;
      const page = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: query.start, End: query.end },
          Granularity: 'MONTHLY',
          Metrics: [COST_METRIC],
          GroupBy: groupBy(query.grouping),
          // Usage as billed: credits and refunds would show as negative "spend".
          Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } } },
          ...(token ? { NextPageToken: token } : {}),
        }),
      );
      for (const period of page.ResultsByTime ?? []) {
        const month = period.TimePeriod?.Start?.slice(0, 7);
        if (!month) continue;
        if (period.Estimated) estimatedMonths.add(month);
        for (const group of period.Groups ?? []) {
          const raw = group.Keys?.[0];
          const amount = Number(group.Metrics?.[COST_METRIC]?.Amount ?? Number.NaN);
          if (raw === undefined || !Number.isFinite(amount)) continue;
          costs.push({
            month,
            key: groupKey(query.grouping, raw),
            amountUsd: amount,
            estimated: Boolean(period.Estimated),
          });
        }
      }
      token = page.NextPageToken || undefined;
    } while (token);
    // Every HTTP attempt (retries included) is a request AWS may bill.
    const requests = Object.values(factory.apiCalls()).reduce((a, b) => a + b, 0);
    return { costs, estimatedMonths: [...estimatedMonths].sort(), requests };
  } finally {
    factory.destroy();
  }
}
