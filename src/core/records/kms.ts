/** KMS records. */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema } from './common.js';

export const kmsKeySchema = recordBaseSchema.extend({
  keyId: z.string(),
  arn: z.string(),
  /** The first alias pointing at the key, e.g. `alias/orders` (ListAliases). */
  alias: z.string().optional(),
  description: z.string().optional(),
  /** CUSTOMER or AWS; undefined = DescribeKey failed (see fieldErrors). */
  keyManager: z.string().optional(),
  keySpec: z.string().optional(),
  keyState: z.string().optional(),
  keyUsage: z.string().optional(),
  /** AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE. */
  origin: z.string().optional(),
  creationDate: z.string().optional(),
  deletionDate: z.string().optional(),
  /**
   * Read only for enabled, customer-managed, symmetric keys with AWS_KMS key material (the only
   * keys the rotation rule judges); undefined otherwise or when the call failed (see fieldErrors).
   */
  rotationEnabled: z.boolean().optional(),
  /** Read for customer-managed keys; undefined otherwise or when GetKeyPolicy failed. */
  policy: policyDocumentSchema.optional(),
});

export type KmsKey = z.infer<typeof kmsKeySchema>;
