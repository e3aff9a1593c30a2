/** CloudTrail records. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

/** A basic event selector (GetEventSelectors → EventSelectors). */
export const cloudTrailEventSelectorSchema = z.object({
  readWriteType: z.string().optional(),
  includeManagementEvents: z.boolean().optional(),
});

/** One field condition of an advanced event selector. */
export const cloudTrailFieldSelectorSchema = z.object({
  field: z.string(),
  equals: z.array(z.string()).optional(),
  notEquals: z.array(z.string()).optional(),
});

export const cloudTrailAdvancedSelectorSchema = z.object({
  name: z.string().optional(),
  fieldSelectors: z.array(cloudTrailFieldSelectorSchema),
});

/** A trail, collected once in its home region (the `region` of the record). */
export const cloudTrailTrailSchema = recordBaseSchema.extend({
  name: z.string(),
  arn: z.string(),
  homeRegion: z.string(),
  isMultiRegionTrail: z.boolean(),
  isOrganizationTrail: z.boolean(),
  s3BucketName: z.string().optional(),
  logFileValidationEnabled: z.boolean(),
  kmsKeyId: z.string().optional(),
  cloudWatchLogsLogGroupArn: z.string().optional(),
  /** GetTrailStatus; absent when that call failed (see fieldErrors). */
  isLogging: z.boolean().optional(),
  /** GetEventSelectors; absent when that call failed (see fieldErrors). */
  eventSelectors: z.array(cloudTrailEventSelectorSchema).optional(),
  advancedEventSelectors: z.array(cloudTrailAdvancedSelectorSchema).optional(),
});

export type CloudTrailEventSelector = z.infer<typeof cloudTrailEventSelectorSchema>;
export type CloudTrailAdvancedSelector = z.infer<typeof cloudTrailAdvancedSelectorSchema>;
export type CloudTrailTrail = z.infer<typeof cloudTrailTrailSchema>;
