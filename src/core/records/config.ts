/** AWS Config records. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

/** A configuration recorder with its status (one per region at most, in practice). */
export const configRecorderSchema = recordBaseSchema.extend({
  name: z.string(),
  roleArn: z.string().optional(),
  allSupported: z.boolean(),
  resourceTypes: z.array(z.string()),
  /** DescribeConfigurationRecorderStatus; absent when AWS returned no status for it. */
  recording: z.boolean().optional(),
  lastStatus: z.string().optional(),
});

export type ConfigRecorder = z.infer<typeof configRecorderSchema>;
