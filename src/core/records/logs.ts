/** CloudWatch Logs records. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

export const logsLogGroupSchema = recordBaseSchema.extend({
  logGroupName: z.string(),
  arn: z.string(),
  /** Absent = never expire. */
  retentionInDays: z.number().optional(),
  /** Absent = encrypted only with the service's own key. */
  kmsKeyId: z.string().optional(),
  storedBytes: z.number().optional(),
  logGroupClass: z.string().optional(),
  createdAt: z.string().optional(),
});

export type LogsLogGroup = z.infer<typeof logsLogGroupSchema>;
