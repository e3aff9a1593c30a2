import { EC2Client, paginateDescribeFlowLogs } from '@aws-sdk/client-ec2';
import { defineCollector } from '../types.js';
import { mapTags } from './common.js';

export const flowLogsCollector = defineCollector({
  id: 'ec2.flow-logs',
  async *collect(ctx) {
    const pages = paginateDescribeFlowLogs({ client: ctx.client(EC2Client), pageSize: 1000 }, {});
    for await (const page of pages) {
      for (const log of page.FlowLogs ?? []) {
        yield {
          region: ctx.region,
          flowLogId: log.FlowLogId ?? '',
          resourceId: log.ResourceId ?? '',
          flowLogStatus: log.FlowLogStatus,
          trafficType: log.TrafficType,
          logDestinationType: log.LogDestinationType,
          logDestination: log.LogDestination ?? log.LogGroupName,
          tags: mapTags(log.Tags),
        };
      }
    }
  },
});
