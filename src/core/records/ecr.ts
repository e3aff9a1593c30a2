/** ECR records. */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema } from './common.js';

export const ecrRepositorySchema = recordBaseSchema.extend({
  repositoryName: z.string(),
  repositoryArn: z.string(),
  repositoryUri: z.string().optional(),
  createdAt: z.string().optional(),
  scanOnPush: z.boolean(),
  /** MUTABLE, IMMUTABLE (or their *_WITH_EXCLUSION forms). */
  imageTagMutability: z.string(),
  encryptionType: z.string().optional(),
  /** null = the repository has no policy; undefined = GetRepositoryPolicy failed (see fieldErrors). */
  policy: policyDocumentSchema.nullable().optional(),
  /** false = no lifecycle policy; undefined = GetLifecyclePolicy failed (see fieldErrors). */
  hasLifecyclePolicy: z.boolean().optional(),
});

export type EcrRepository = z.infer<typeof ecrRepositorySchema>;
