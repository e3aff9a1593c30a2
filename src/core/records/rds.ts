/** RDS records. */
import { z } from 'zod';
import { metricPointSchema, recordBaseSchema, tagSchema } from './common.js';

export const rdsInstanceSchema = recordBaseSchema.extend({
  dbInstanceIdentifier: z.string(),
  arn: z.string(),
  dbInstanceClass: z.string(),
  engine: z.string(),
  engineVersion: z.string().optional(),
  status: z.string().optional(),
  allocatedStorageGiB: z.number().optional(),
  storageType: z.string().optional(),
  iops: z.number().optional(),
  multiAZ: z.boolean(),
  publiclyAccessible: z.boolean(),
  storageEncrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  backupRetentionPeriod: z.number(),
  deletionProtection: z.boolean(),
  autoMinorVersionUpgrade: z.boolean(),
  instanceCreateTime: z.string().optional(),
  availabilityZone: z.string().optional(),
  vpcSecurityGroupIds: z.array(z.string()),
  dbClusterIdentifier: z.string().optional(),
  performanceInsightsEnabled: z.boolean().optional(),
  iamDatabaseAuthenticationEnabled: z.boolean().optional(),
  caCertificateIdentifier: z.string().optional(),
  tags: z.array(tagSchema),
});

export const rdsSnapshotSchema = recordBaseSchema.extend({
  dbSnapshotIdentifier: z.string(),
  arn: z.string(),
  dbInstanceIdentifier: z.string().optional(),
  snapshotType: z.string().optional(),
  snapshotCreateTime: z.string().optional(),
  allocatedStorageGiB: z.number().optional(),
  encrypted: z.boolean(),
  /** Values of the `restore` attribute (account ids or 'all'). */
  restoreAttribute: z.array(z.string()).optional(),
});

export const rdsInstanceMetricsSchema = recordBaseSchema.extend({
  dbInstanceIdentifier: z.string(),
  cpuDailyAverage: z.array(metricPointSchema),
  cpuDailyMaximum: z.array(metricPointSchema),
  connectionsDailyMaximum: z.array(metricPointSchema),
});

export type RdsInstance = z.infer<typeof rdsInstanceSchema>;
export type RdsSnapshot = z.infer<typeof rdsSnapshotSchema>;
export type RdsInstanceMetrics = z.infer<typeof rdsInstanceMetricsSchema>;
