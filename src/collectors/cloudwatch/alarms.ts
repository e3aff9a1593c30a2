import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { defineCollector } from '../types.js';

/** The region's metric alarms: DescribeAlarms pages (100 a page), no per-alarm call. */
export const cloudWatchAlarms = defineCollector({
  id: 'cloudwatch.alarms',
  async *collect(ctx) {
    const client = ctx.client(CloudWatchClient);
    for await (const page of paginateDescribeAlarms(
      { client, pageSize: 100 },
      { AlarmTypes: ['MetricAlarm'] },
    )) {
      for (const a of page.MetricAlarms ?? []) {
        yield {
          region: ctx.region,
          alarmName: a.AlarmName ?? '',
          arn: a.AlarmArn ?? '',
          ...(a.MetricName ? { metricName: a.MetricName } : {}),
          ...(a.Namespace ? { namespace: a.Namespace } : {}),
          alarmActions: a.AlarmActions ?? [],
          ...(a.StateValue ? { stateValue: a.StateValue } : {}),
        };
      }
    }
  },
});
