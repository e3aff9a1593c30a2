/** Shapes every service's records share: the record base, metric points, tags, IAM policy documents. */
import { z } from 'zod';

export const fieldErrorSchema = z.object({
  operation: z.string(),
  code: z.string(),
  message: z.string(),
});

export const recordBaseSchema = z.object({
  region: z.string(),
  fieldErrors: z.record(z.string(), fieldErrorSchema).optional(),
});

/** A CloudWatch datapoint: ISO-8601 timestamp of the period start, value. */
export const metricPointSchema = z.object({
  t: z.string(),
  v: z.number(),
});

export const tagSchema = z.object({
  key: z.string(),
  value: z.string(),
});

export const policyStatementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.union([z.literal('Allow'), z.literal('Deny')]),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Action: z.union([z.string(), z.array(z.string())]).optional(),
  NotAction: z.union([z.string(), z.array(z.string())]).optional(),
  Resource: z.union([z.string(), z.array(z.string())]).optional(),
  NotResource: z.union([z.string(), z.array(z.string())]).optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export const policyDocumentSchema = z.object({
  Version: z.string().optional(),
  Statement: z.array(policyStatementSchema),
});

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type RecordBase = z.infer<typeof recordBaseSchema>;
export type MetricPoint = z.infer<typeof metricPointSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type PolicyStatement = z.infer<typeof policyStatementSchema>;
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
