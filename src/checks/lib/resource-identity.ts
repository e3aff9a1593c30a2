import type { CollectorId, RecordKinds } from '../../core/records.js';

export interface ResourceIdentity {
  resourceId: string;
  resourceArn?: string;
  resourceName?: string;
}

type IdentityFns = { [K in CollectorId]: (record: RecordKinds[K]) => ResourceIdentity };

/**
 * How to name the resource a record describes. The engine needs it to turn a per-resource
 * collection error (record.fieldErrors) into an `unknown` finding for that resource.
 */
const identities: IdentityFns = {
  'ec2.instances': (r) => ({ resourceId: r.instanceId, resourceArn: r.arn, resourceName: r.name }),
  'ec2.volumes': (r) => ({ resourceId: r.volumeId, resourceArn: r.arn, resourceName: r.name }),
  'ec2.snapshots': (r) => ({ resourceId: r.snapshotId, resourceArn: r.arn }),
  'ec2.security-groups': (r) => ({ resourceId: r.groupId, resourceArn: r.arn, resourceName: r.groupName }),
  'ec2.addresses': (r) => ({ resourceId: r.allocationId ?? r.publicIp, resourceArn: r.arn }),
  'ec2.images': (r) => ({ resourceId: r.imageId, resourceArn: r.arn, resourceName: r.name }),
  'ec2.ebs-encryption-default': (r) => ({ resourceId: `ebs-encryption-default@${r.region}` }),
  'ec2.instance-metrics': (r) => ({ resourceId: r.instanceId }),
  's3.buckets': (r) => ({ resourceId: r.name, resourceArn: r.arn, resourceName: r.name }),
  's3.account-public-access-block': (r) => ({ resourceId: r.accountId }),
  'lambda.functions': (r) => ({
    resourceId: r.functionName,
    resourceArn: r.arn,
    resourceName: r.functionName,
  }),
  'lambda.function-metrics': (r) => ({ resourceId: r.functionName }),
  'lambda.memory-usage': (r) => ({ resourceId: r.functionName }),
  'rds.instances': (r) => ({
    resourceId: r.dbInstanceIdentifier,
    resourceArn: r.arn,
    resourceName: r.dbInstanceIdentifier,
  }),
  'rds.snapshots': (r) => ({ resourceId: r.dbSnapshotIdentifier, resourceArn: r.arn }),
  'rds.instance-metrics': (r) => ({ resourceId: r.dbInstanceIdentifier }),
  'iam.users': (r) => ({ resourceId: r.userName, resourceArn: r.arn, resourceName: r.userName }),
  'iam.groups': (r) => ({ resourceId: r.groupName, resourceArn: r.arn, resourceName: r.groupName }),
  'iam.roles': (r) => ({ resourceId: r.roleName, resourceArn: r.arn, resourceName: r.roleName }),
  'iam.policies': (r) => ({ resourceId: r.arn, resourceArn: r.arn, resourceName: r.policyName }),
  'iam.credential-report': (r) => ({ resourceId: r.user, resourceArn: r.arn, resourceName: r.user }),
  'iam.password-policy': () => ({ resourceId: 'password-policy' }),
  'iam.account-summary': () => ({ resourceId: 'account-summary' }),
};

export function resourceIdentity<K extends CollectorId>(kind: K, record: RecordKinds[K]): ResourceIdentity {
  const fn = identities[kind] as (record: RecordKinds[K]) => ResourceIdentity;
  const identity = fn(record);
  // Drop undefined optional fields so findings serialise without empty keys.
  return Object.fromEntries(
    Object.entries(identity).filter(([, v]) => v !== undefined),
  ) as unknown as ResourceIdentity;
}
