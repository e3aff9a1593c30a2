/** Lambda records. */
import { z } from 'zod';
import { metricPointSchema, policyDocumentSchema, recordBaseSchema, tagSchema } from './common.js';

export const lambdaFunctionSchema = recordBaseSchema.extend({
  functionName: z.string(),
  arn: z.string(),
  runtime: z.string().optional(),
  packageType: z.union([z.literal('Zip'), z.literal('Image')]),
  memoryMb: z.number(),
  timeoutSeconds: z.number(),
  architectures: z.array(z.string()),
  role: z.string(),
  handler: z.string().optional(),
  lastModified: z.string().optional(),
  codeSizeBytes: z.number().optional(),
  layers: z.array(z.string()),
  codeSigningConfigArn: z.string().optional().nullable(),
  /** Parsed resource-based policy; null when the function has none. */
  resourcePolicy: policyDocumentSchema.optional().nullable(),
  deadLetterTargetArn: z.string().optional(),
  /** Environment variable NAMES only; values are never collected. */
  environmentVariableNames: z.array(z.string()),
  tags: z.array(tagSchema).optional(),
});

export const lambdaFunctionMetricsSchema = recordBaseSchema.extend({
  functionName: z.string(),
  invocationsDailySum: z.array(metricPointSchema),
  errorsDailySum: z.array(metricPointSchema),
  durationDailyMaximum: z.array(metricPointSchema),
  durationDailyAverage: z.array(metricPointSchema).optional(),
});

/** From `REPORT` lines of /aws/lambda/<name> over the last 7 days. */
export const lambdaMemoryUsageSchema = recordBaseSchema.extend({
  functionName: z.string(),
  invocationsSeen: z.number(),
  maxMemoryUsedMb: z.number().optional(),
  memorySizeMb: z.number().optional(),
  maxDurationMs: z.number().optional(),
});

export type LambdaFunction = z.infer<typeof lambdaFunctionSchema>;
export type LambdaFunctionMetrics = z.infer<typeof lambdaFunctionMetricsSchema>;
export type LambdaMemoryUsage = z.infer<typeof lambdaMemoryUsageSchema>;
