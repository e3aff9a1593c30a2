import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { dailyWindow, getMetricData, type MetricRequest } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const DYNAMODB_METRIC_WINDOW_DAYS = 30;

/**
 * Daily sums of consumed read and write capacity of every provisioned table over 30 days, in
 * batched GetMetricData calls (on-demand tables are billed per request: nothing idle to judge).
 */
export const dynamodbTableMetrics = defineCollector({
  id: 'dynamodb.table-metrics',
  async *collect(ctx) {
    const tables = ctx.dependency('dynamodb.tables').filter((t) => t.billingMode === 'PROVISIONED');
    if (tables.length === 0) return;
    const requests: MetricRequest[] = tables.flatMap((table) => {
      const base = {
        namespace: 'AWS/DynamoDB',
        dimensions: [{ Name: 'TableName', Value: table.tableName }],
        stat: 'Sum' as const,
      };
      return [
        { ...base, metricName: 'ConsumedReadCapacityUnits' },
        { ...base, metricName: 'ConsumedWriteCapacityUnits' },
      ] satisfies MetricRequest[];
    });
    const series = await getMetricData(
      ctx.client(CloudWatchClient),
      requests,
      dailyWindow(ctx.now, DYNAMODB_METRIC_WINDOW_DAYS),
    );
    for (const [i, table] of tables.entries()) {
      yield {
        region: ctx.region,
        tableName: table.tableName,
        consumedReadDailySum: series[i * 2] ?? [],
        consumedWriteDailySum: series[i * 2 + 1] ?? [],
      };
    }
  },
});
