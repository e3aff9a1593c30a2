/** SQS records. */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema } from './common.js';

export const sqsQueueSchema = recordBaseSchema.extend({
  queueUrl: z.string(),
  queueName: z.string(),
  arn: z.string(),
  /** null = no KMS key; undefined = GetQueueAttributes failed (see fieldErrors). */
  kmsMasterKeyId: z.string().nullable().optional(),
  /** SSE-SQS; undefined = GetQueueAttributes failed (see fieldErrors). */
  sqsManagedSseEnabled: z.boolean().optional(),
  /** null = the queue has no policy; undefined = not collected (see fieldErrors). */
  policy: policyDocumentSchema.nullable().optional(),
  fifoQueue: z.boolean().optional(),
});

export type SqsQueue = z.infer<typeof sqsQueueSchema>;
