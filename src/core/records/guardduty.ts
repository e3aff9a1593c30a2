/** GuardDuty records. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

export const guardDutyDetectorSchema = recordBaseSchema.extend({
  detectorId: z.string(),
  /** GetDetector; absent when that call failed (see fieldErrors). */
  status: z.string().optional(),
  findingPublishingFrequency: z.string().optional(),
  createdAt: z.string().optional(),
});

export type GuardDutyDetector = z.infer<typeof guardDutyDetectorSchema>;
