/** Secrets Manager records (metadata only: the secret values are never read). */
import { z } from 'zod';
import { recordBaseSchema, tagSchema } from './common.js';

export const secretsManagerSecretSchema = recordBaseSchema.extend({
  arn: z.string(),
  name: z.string(),
  rotationEnabled: z.boolean(),
  /** ISO-8601; absent = AWS has no record of an access (or the secret was never read). */
  lastAccessedDate: z.string().optional(),
  createdDate: z.string().optional(),
  lastRotatedDate: z.string().optional(),
  kmsKeyId: z.string().optional(),
  tags: z.array(tagSchema),
});

export type SecretsManagerSecret = z.infer<typeof secretsManagerSecretSchema>;
