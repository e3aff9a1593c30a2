import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsLogGroup } from '../../core/records/logs.js';
import { defineCollector } from '../types.js';

/** DescribeLogGroups carries retention and KMS key: one call per page of 50, none per group. */
export const logsLogGroups = defineCollector({
  id: 'logs.log-groups',
  async *collect(ctx) {
    const client = ctx.client(CloudWatchLogsClient);
    for await (const page of paginateDescribeLogGroups({ client, pageSize: 50 }, {})) {
      for (const group of page.logGroups ?? []) {
        const name = group.logGroupName ?? '';
        const record: LogsLogGroup = {
          region: ctx.region,
          logGroupName: name,
          // `arn` ends in ":*"; logGroupArn (newer) does not.
          arn: group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? '',
          ...(group.retentionInDays !== undefined ? { retentionInDays: group.retentionInDays } : {}),
          ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
          ...(group.storedBytes !== undefined ? { storedBytes: group.storedBytes } : {}),
          ...(group.logGroupClass ? { logGroupClass: group.logGroupClass } : {}),
          ...(group.creationTime !== undefined
            ? { createdAt: new Date(group.creationTime).toISOString() }
            : {}),
        };
        yield record;
      }
    }
  },
});
