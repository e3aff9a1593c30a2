/** ACM records. */
import { z } from 'zod';
import { recordBaseSchema } from './common.js';

export const acmCertificateSchema = recordBaseSchema.extend({
  certificateArn: z.string(),
  domainName: z.string().optional(),
  /** ISSUED, PENDING_VALIDATION, EXPIRED, … */
  status: z.string().optional(),
  /** AMAZON_ISSUED, IMPORTED, PRIVATE. */
  type: z.string().optional(),
  /** RSA_1024, RSA_2048, EC_prime256v1, … */
  keyAlgorithm: z.string().optional(),
  notAfter: z.string().optional(),
  inUse: z.boolean().optional(),
  renewalEligibility: z.string().optional(),
});

export type AcmCertificate = z.infer<typeof acmCertificateSchema>;
