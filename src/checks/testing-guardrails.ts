/** Record builders for the account-guardrail check tests (CloudTrail, Config, GuardDuty, CloudWatch); defaults are "good". */
import type { RecordKinds } from '../core/records.js';

const ACCOUNT = '123456789012';

export function trail(name: string, extra: Partial<RecordKinds['cloudtrail.trails']> = {}) {
  const region = extra.region ?? 'us-east-1';
  return {
    region,
    name,
    arn: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`,
    homeRegion: region,
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    s3BucketName: `${name}-logs`,
    logFileValidationEnabled: true,
    kmsKeyId: `arn:aws:kms:${region}:${ACCOUNT}:key/k-${name}`,
    cloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:${ACCOUNT}:log-group:${name}:*`,
    isLogging: true,
    eventSelectors: [{ readWriteType: 'All', includeManagementEvents: true }],
    advancedEventSelectors: [],
    ...extra,
  } satisfies RecordKinds['cloudtrail.trails'];
}
