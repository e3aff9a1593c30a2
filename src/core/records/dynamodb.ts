/** DynamoDB records. */
import { z } from 'zod';
import { metricPointSchema, recordBaseSchema } from './common.js';

export const dynamodbTableSchema = recordBaseSchema.extend({
  tableName: z.string(),
  /** undefined only when DescribeTable failed (see fieldErrors). */
  tableArn: z.string().optional(),
  tableStatus: z.string().optional(),
  /** PROVISIONED or PAY_PER_REQUEST (AWS omits the summary for tables always provisioned). */
  billingMode: z.string().optional(),
  readCapacityUnits: z.number().optional(),
  writeCapacityUnits: z.number().optional(),
  deletionProtectionEnabled: z.boolean().optional(),
  /** KMS or AES256; null = no SSEDescription (the AWS-owned default key). */
  sseType: z.string().nullable().optional(),
  kmsMasterKeyArn: z.string().optional(),
  itemCount: z.number().optional(),
  tableSizeBytes: z.number().optional(),
  creationDateTime: z.string().optional(),
  /** ENABLED or DISABLED; undefined = DescribeContinuousBackups failed (see fieldErrors). */
  pointInTimeRecoveryStatus: z.string().optional(),
});

export const dynamodbTableMetricsSchema = recordBaseSchema.extend({
  tableName: z.string(),
  consumedReadDailySum: z.array(metricPointSchema),
  consumedWriteDailySum: z.array(metricPointSchema),
});

export type DynamodbTable = z.infer<typeof dynamodbTableSchema>;
export type DynamodbTableMetrics = z.infer<typeof dynamodbTableMetricsSchema>;
