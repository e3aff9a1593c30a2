import { type DBInstance, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import type { RdsInstance } from '../../core/records.js';
import { toTags } from '../lib/tags.js';
import { defineCollector } from '../types.js';

export function rdsInstanceFromDescription(db: DBInstance, region: string): RdsInstance {
  return {
    region,
    dbInstanceIdentifier: db.DBInstanceIdentifier ?? '',
    arn: db.DBInstanceArn ?? '',
    dbInstanceClass: db.DBInstanceClass ?? '',
    engine: db.Engine ?? '',
    ...(db.EngineVersion ? { engineVersion: db.EngineVersion } : {}),
    ...(db.DBInstanceStatus ? { status: db.DBInstanceStatus } : {}),
    ...(db.AllocatedStorage !== undefined ? { allocatedStorageGiB: db.AllocatedStorage } : {}),
    ...(db.StorageType ? { storageType: db.StorageType } : {}),
    ...(db.Iops !== undefined ? { iops: db.Iops } : {}),
    multiAZ: db.MultiAZ === true,
    publiclyAccessible: db.PubliclyAccessible === true,
    storageEncrypted: db.StorageEncrypted === true,
    ...(db.KmsKeyId ? { kmsKeyId: db.KmsKeyId } : {}),
    backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
    deletionProtection: db.DeletionProtection === true,
    autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade === true,
    ...(db.InstanceCreateTime ? { instanceCreateTime: db.InstanceCreateTime.toISOString() } : {}),
    ...(db.AvailabilityZone ? { availabilityZone: db.AvailabilityZone } : {}),
    vpcSecurityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    ),
    ...(db.DBClusterIdentifier ? { dbClusterIdentifier: db.DBClusterIdentifier } : {}),
    ...(db.PerformanceInsightsEnabled !== undefined
      ? { performanceInsightsEnabled: db.PerformanceInsightsEnabled }
      : {}),
    ...(db.IAMDatabaseAuthenticationEnabled !== undefined
      ? { iamDatabaseAuthenticationEnabled: db.IAMDatabaseAuthenticationEnabled }
      : {}),
    ...(db.CACertificateIdentifier ? { caCertificateIdentifier: db.CACertificateIdentifier } : {}),
    tags: toTags(db.TagList),
  };
}

export const rdsInstances = defineCollector({
  id: 'rds.instances',
  async *collect(ctx) {
    const client = ctx.client(RDSClient);
    // 100 is the largest page DescribeDBInstances allows; tags come in the same answer (TagList).
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 100 }, {})) {
      for (const db of page.DBInstances ?? []) yield rdsInstanceFromDescription(db, ctx.region);
    }
  },
});
