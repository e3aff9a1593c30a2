import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { dailyWindow, getMetricData, type MetricRequest } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const RDS_METRIC_WINDOW_DAYS = 14;

/** Daily CPU (average, maximum) and maximum connections of every DB instance, 14 days. */
export const rdsInstanceMetricsCollector = defineCollector({
  id: 'rds.instance-metrics',
  async *collect(ctx) {
    const instances = ctx.dependency('rds.instances');
    if (instances.length === 0) return;
    const requests: MetricRequest[] = instances.flatMap((db) => {
      const dimensions = [{ Name: 'DBInstanceIdentifier', Value: db.dbInstanceIdentifier }];
      const base = { namespace: 'AWS/RDS', dimensions } as const;
      return [
        { ...base, metricName: 'CPUUtilization', stat: 'Average' },
        { ...base, metricName: 'CPUUtilization', stat: 'Maximum' },
        { ...base, metricName: 'DatabaseConnections', stat: 'Maximum' },
      ] satisfies MetricRequest[];
    });
    const series = await getMetricData(
      ctx.client(CloudWatchClient),
      requests,
      dailyWindow(ctx.now, RDS_METRIC_WINDOW_DAYS),
    );
    for (const [i, db] of instances.entries()) {
      yield {
        region: ctx.region,
        dbInstanceIdentifier: db.dbInstanceIdentifier,
        cpuDailyAverage: series[i * 3] ?? [],
        cpuDailyMaximum: series[i * 3 + 1] ?? [],
        connectionsDailyMaximum: series[i * 3 + 2] ?? [],
      };
    }
  },
});
