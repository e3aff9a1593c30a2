/** EFS records. */
import { z } from 'zod';
import { recordBaseSchema, tagSchema } from './common.js';

export const efsFileSystemSchema = recordBaseSchema.extend({
  fileSystemId: z.string(),
  arn: z.string().optional(),
  name: z.string().optional(),
  encrypted: z.boolean(),
  kmsKeyId: z.string().optional(),
  lifeCycleState: z.string().optional(),
  performanceMode: z.string().optional(),
  throughputMode: z.string().optional(),
  sizeInBytes: z.number().optional(),
  creationTime: z.string().optional(),
  /** ENABLED, DISABLED, …; null = no backup policy; undefined = DescribeBackupPolicy failed. */
  backupPolicyStatus: z.string().nullable().optional(),
  tags: z.array(tagSchema),
});

export type EfsFileSystem = z.infer<typeof efsFileSystemSchema>;
