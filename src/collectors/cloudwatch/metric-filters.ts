import { CloudWatchLogsClient, paginateDescribeMetricFilters } from '@aws-sdk/client-cloudwatch-logs';
import { defineCollector } from '../types.js';

/** Every metric filter of the region's log groups: DescribeMetricFilters pages (50 a page), no per-group call. */
export const cloudWatchMetricFilters = defineCollector({
  id: 'cloudwatch.metric-filters',
  async *collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    for await (const page of paginateDescribeMetricFilters({ client, pageSize: 50 }, {})) {
      for (const f of page.metricFilters ?? []) {
        yield {
          region: ctx.region,
          filterName: f.filterName ?? '',
          logGroupName: f.logGroupName ?? '',
          filterPattern: f.filterPattern ?? '',
          metricTransformations: (f.metricTransformations ?? []).map((t) => ({
            metricName: t.metricName ?? '',
            metricNamespace: t.metricNamespace ?? '',
          })),
        };
      }
    }
  },
});
