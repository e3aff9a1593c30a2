/**
 * How each API call of a collection grows: the per-resource calls AWS leaves no alternative to,
 * named one by one with the reason; every other call is per page (list/describe pages, 20-resource
 * tag batches, 500-query metric batches) or once per region or account.
 */

export type CallKind = 'per-resource' | 'per-page';

/** `Service.Operation` (the client factory's key) → why AWS offers no paged or batch form. */
export const PER_RESOURCE_CALLS: Readonly<Record<string, string>> = {
  'EC2.DescribeInstanceAttribute':
    'disableApiTermination is not in DescribeInstances; the attribute call takes one instance',
  'EC2.DescribeSnapshotAttribute':
    'createVolumePermission per own snapshot (AWS lists public ones with RestorableByUserIds=all; the emulator ignores it)',
  'S3.GetBucketAcl': 'S3 has no account-wide read of bucket settings: every setting is one call per bucket',
  'S3.GetBucketEncryption': 'per bucket (as above)',
  'S3.GetBucketLifecycleConfiguration': 'per bucket (as above)',
  'S3.GetBucketLocation': 'per bucket (as above)',
  'S3.GetBucketLogging': 'per bucket (as above)',
  'S3.GetBucketPolicy': 'per bucket (as above)',
  'S3.GetBucketOwnershipControls': 'per bucket (as above)',
  'S3.GetBucketVersioning': 'per bucket (as above)',
  'S3.GetPublicAccessBlock': 'per bucket (as above)',
  'S3.ListBucketIntelligentTieringConfigurations': 'per bucket (as above)',
  'Lambda.GetPolicy': 'resource policies are not in ListFunctions',
  'Lambda.GetFunctionCodeSigningConfig':
    'emulator only: on AWS the collector lists code-signing configs account-wide',
  'CloudWatchLogs.FilterLogEvents': 'Lambda REPORT lines: one query per function log group',
  'SQS.GetQueueAttributes': 'ListQueues returns URLs only; encryption and policy are per queue',
  'SNS.GetTopicAttributes': 'ListTopics returns ARNs only; encryption and policy are per topic',
  'KMS.DescribeKey': 'ListKeys returns ids only; manager, spec and state are per key',
  'KMS.GetKeyRotationStatus': 'per customer-managed symmetric key; no list form',
  'KMS.GetKeyPolicy': 'per customer-managed key; no list form',
  'DynamoDB.DescribeTable': 'ListTables returns names only; encryption, protection, billing are per table',
  'DynamoDB.DescribeContinuousBackups': 'point-in-time recovery is only in this per-table call',
  'EFS.DescribeBackupPolicy': 'backup policy is not in DescribeFileSystems; one file system a call',
  'ECR.GetLifecyclePolicy': 'not in DescribeRepositories; one repository a call',
  'ECR.GetRepositoryPolicy': 'not in DescribeRepositories; one repository a call',
  'ElasticLoadBalancingV2.DescribeLoadBalancerAttributes': 'takes one load balancer',
  'ElasticLoadBalancingV2.DescribeListeners': 'takes one load balancer (or listener ARNs, unknown before)',
  'ElasticLoadBalancingV2.DescribeTargetHealth': 'takes one target group',
  'ElasticLoadBalancing.DescribeLoadBalancerAttributes': 'takes one Classic load balancer',
  'ElasticLoadBalancing.DescribeInstanceHealth': 'takes one Classic load balancer',
  'CloudTrail.GetTrailStatus': 'logging state is per trail (a handful per account)',
  'CloudTrail.GetEventSelectors': 'selectors are per trail (a handful per account)',
  'GuardDuty.GetDetector': 'status is per detector (one per region)',
  'RDS.DescribeDBSnapshotAttributes': 'restore permissions are per manual snapshot',
  'IAM.GetPolicy': 'per AWS-managed policy attached somewhere (grows with distinct policies, not users)',
  'IAM.GetPolicyVersion': 'per AWS-managed policy attached somewhere (as above)',
  'IAM.GetLoginProfile': 'only when the credential report fails (fallback per user)',
  'IAM.ListMFADevices': 'only when the credential report fails (fallback per user)',
};

/** Paged calls whose pages are small enough to grow visibly at this scale (AWS's page maximum). */
export const SMALL_PAGES: Readonly<Record<string, number>> = {
  'CloudWatchLogs.DescribeLogGroups': 50,
  'SNS.ListTopics': 100,
  'SecretsManager.ListSecrets': 100,
  'ElasticLoadBalancingV2.DescribeTags': 20,
  'ElasticLoadBalancing.DescribeTags': 20,
  'CloudWatch.GetMetricData': 500,
};

export function callKind(operation: string): CallKind {
  return operation in PER_RESOURCE_CALLS ? 'per-resource' : 'per-page';
}

/** `Service.Operation` → the service part. */
export const serviceOf = (operation: string): string => operation.slice(0, operation.indexOf('.'));

export interface ScalingRow {
  operation: string;
  kind: CallKind;
  atN: number;
  at2N: number;
  /** A call named per-page that grew as fast as the resources did: a collector to fix. */
  suspicious: boolean;
}

/**
 * Compares the calls of the same collectors at N and 2N resources. A per-page call may grow by a
 * page here and there (by one per SMALL_PAGES resources); any other that (nearly) doubles is
 * flagged. Counts are HTTP attempts: retries under load add to both kinds.
 */
export function compareScales(atN: Record<string, number>, at2N: Record<string, number>): ScalingRow[] {
  const operations = [...new Set([...Object.keys(atN), ...Object.keys(at2N)])].sort();
  return operations.map((operation) => {
    const n = atN[operation] ?? 0;
    const n2 = at2N[operation] ?? 0;
    const kind = callKind(operation);
    return {
      operation,
      kind,
      atN: n,
      at2N: n2,
      suspicious: kind === 'per-page' && !(operation in SMALL_PAGES) && n2 - n >= 8 && n2 >= 1.6 * n,
    };
  });
}

/** Prints the comparison grouped by service, per-resource calls with their reason. */
export function printScaling(rows: readonly ScalingRow[], labels: { n: string; n2: string }): void {
  const byService = new Map<string, ScalingRow[]>();
  for (const row of rows)
    byService.set(serviceOf(row.operation), [...(byService.get(serviceOf(row.operation)) ?? []), row]);
  console.log(`calls vs resources (${labels.n} → ${labels.n2}):`);
  for (const [service, serviceRows] of byService) {
    const sum = (pick: (r: ScalingRow) => number) => serviceRows.reduce((a, r) => a + pick(r), 0);
    console.log(`  ${service}: ${sum((r) => r.atN)} → ${sum((r) => r.at2N)}`);
    for (const r of serviceRows) {
      const page = SMALL_PAGES[r.operation];
      const reason =
        r.kind === 'per-resource'
          ? `  (${PER_RESOURCE_CALLS[r.operation]})`
          : page
            ? `  (${page} a page)`
            : '';
      const flag = r.suspicious ? '  !! grows with resources but is not named per-resource' : '';
      console.log(
        `    ${r.operation.padEnd(56)} ${String(r.atN).padStart(5)} → ${String(r.at2N).padStart(5)}  ${r.kind}${reason}${flag}`,
      );
    }
  }
}
