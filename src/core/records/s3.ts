/** S3 records. */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema, tagSchema } from './common.js';

export const publicAccessBlockSchema = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});

export const s3BucketSchema = recordBaseSchema.extend({
  /** The bucket's own region (record.region equals it). */
  name: z.string(),
  arn: z.string(),
  creationDate: z.string().optional(),
  /** null = no default encryption rule (ServerSideEncryptionConfigurationNotFoundError). */
  encryption: z
    .array(
      z.object({
        algorithm: z.string(),
        kmsKeyId: z.string().optional(),
        bucketKeyEnabled: z.boolean().optional(),
      }),
    )
    .optional()
    .nullable(),
  /** null = no bucket-level configuration (NoSuchPublicAccessBlockConfiguration). */
  publicAccessBlock: publicAccessBlockSchema.optional().nullable(),
  /** null = no bucket policy. */
  policy: policyDocumentSchema.optional().nullable(),
  aclGrants: z
    .array(
      z.object({
        granteeType: z.string(),
        granteeUri: z.string().optional(),
        granteeId: z.string().optional(),
        permission: z.string(),
      }),
    )
    .optional(),
  versioning: z
    .object({
      status: z.union([z.literal('Enabled'), z.literal('Suspended'), z.literal('Disabled')]),
      mfaDelete: z.union([z.literal('Enabled'), z.literal('Disabled')]),
    })
    .optional(),
  lifecycleRules: z
    .array(
      z.object({
        id: z.string().optional(),
        status: z.union([z.literal('Enabled'), z.literal('Disabled')]),
        transitions: z.array(
          z.object({
            storageClass: z.string(),
            days: z.number().optional(),
            date: z.string().optional(),
          }),
        ),
        expirationDays: z.number().optional(),
      }),
    )
    .optional(),
  /** null = logging disabled. */
  logging: z
    .object({
      targetBucket: z.string(),
      targetPrefix: z.string().optional(),
    })
    .optional()
    .nullable(),
  intelligentTieringConfigurations: z
    .array(
      z.object({
        id: z.string(),
        status: z.union([z.literal('Enabled'), z.literal('Disabled')]),
      }),
    )
    .optional(),
  ownershipControls: z.string().optional().nullable(),
  tags: z.array(tagSchema).optional(),
});

/** Account-level Block Public Access (region 'global'); null flags = not configured. */
export const s3AccountPublicAccessBlockSchema = recordBaseSchema.extend({
  accountId: z.string(),
  publicAccessBlock: publicAccessBlockSchema.nullable(),
});

export type PublicAccessBlock = z.infer<typeof publicAccessBlockSchema>;
export type S3Bucket = z.infer<typeof s3BucketSchema>;
export type S3AccountPublicAccessBlock = z.infer<typeof s3AccountPublicAccessBlockSchema>;
