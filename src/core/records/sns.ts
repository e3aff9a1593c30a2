/** SNS records. */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema } from './common.js';

export const snsTopicSchema = recordBaseSchema.extend({
  topicArn: z.string(),
  topicName: z.string(),
  /** null = no KMS key (not encrypted); undefined = GetTopicAttributes failed (see fieldErrors). */
  kmsMasterKeyId: z.string().nullable().optional(),
  /** null = the topic has no policy; undefined = not collected (see fieldErrors). */
  policy: policyDocumentSchema.nullable().optional(),
  fifoTopic: z.boolean().optional(),
  subscriptionsConfirmed: z.number().optional(),
});

export type SnsTopic = z.infer<typeof snsTopicSchema>;
