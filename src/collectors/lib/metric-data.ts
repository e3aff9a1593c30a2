/**
 * GetMetricData batching shared by the metric collectors: up to 500 queries a call, paged by
 * NextToken, daily periods over a window that ends at the next UTC midnight (so every day is a
 * whole CloudWatch bucket and today's datapoints are included).
 */
import {
  type CloudWatchClient,
  type Dimension,
  GetMetricDataCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { MetricPoint } from '../../core/records.js';

export const MAX_QUERIES_PER_CALL = 500;
export const DAY_SECONDS = 86_400;

export interface MetricRequest {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  stat: 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';
  periodSeconds?: number;
}

export interface MetricWindow {
  start: Date;
  end: Date;
}

export function dailyWindow(now: Date, days: number): MetricWindow {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return { start: new Date(end.getTime() - days * DAY_SECONDS * 1000), end };
}

/** Query ids must start with a lower-case letter; the index maps answers back to requests. */
const queryId = (index: number) => `q${index}`;

/**
 * Fetches every request's datapoints (ascending by time) in as few calls as AWS allows.
 * Returns one array per request, in request order.
 */
export async function getMetricData(
  client: CloudWatchClient,
  requests: MetricRequest[],
  window: MetricWindow,
): Promise<MetricPoint[][]> {
  const results: MetricPoint[][] = requests.map(() => []);
  for (let offset = 0; offset < requests.length; offset += MAX_QUERIES_PER_CALL) {
    const queries: MetricDataQuery[] = requests.slice(offset, offset + MAX_QUERIES_PER_CALL).map((r, i) => ({
      Id: queryId(offset + i),
      MetricStat: {
        Metric: { Namespace: r.namespace, MetricName: r.metricName, Dimensions: r.dimensions },
        Period: r.periodSeconds ?? DAY_SECONDS,
        Stat: r.stat,
      },
      ReturnData: true,
    }));
    let nextToken: string | undefined;
    do {
      const answer = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: window.start,
          EndTime: window.end,
          ScanBy: 'TimestampAscending',
          NextToken: nextToken,
        }),
      );
      for (const result of answer.MetricDataResults ?? []) {
        const index = Number((result.Id ?? '').slice(1));
        const target = results[index];
        if (!target) continue;
        const timestamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        for (let i = 0; i < timestamps.length; i++) {
          const t = timestamps[i];
          const v = values[i];
          if (t !== undefined && v !== undefined) target.push({ t: t.toISOString(), v });
        }
      }
      nextToken = answer.NextToken;
    } while (nextToken);
  }
  for (const points of results) points.sort((a, b) => a.t.localeCompare(b.t));
  return results;
}
