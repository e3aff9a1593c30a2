/** IAM records (region 'global'). */
import { z } from 'zod';
import { policyDocumentSchema, recordBaseSchema, tagSchema } from './common.js';

export const attachedPolicyRefSchema = z.object({
  policyName: z.string(),
  policyArn: z.string(),
});

export const inlinePolicySchema = z.object({
  policyName: z.string(),
  document: policyDocumentSchema,
});

export const iamUserSchema = recordBaseSchema.extend({
  userName: z.string(),
  userId: z.string().optional(),
  arn: z.string(),
  createDate: z.string().optional(),
  passwordLastUsed: z.string().optional(),
  groups: z.array(z.string()),
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
  tags: z.array(tagSchema),
});

export const iamGroupSchema = recordBaseSchema.extend({
  groupName: z.string(),
  arn: z.string(),
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
});

export const iamRoleSchema = recordBaseSchema.extend({
  roleName: z.string(),
  arn: z.string(),
  createDate: z.string().optional(),
  assumeRolePolicy: policyDocumentSchema.optional(),
  attachedPolicies: z.array(attachedPolicyRefSchema),
  inlinePolicies: z.array(inlinePolicySchema),
  lastUsedDate: z.string().optional(),
  tags: z.array(tagSchema),
});

/** Managed policies (customer-managed, and the AWS-managed ones that are attached anywhere). */
export const iamPolicySchema = recordBaseSchema.extend({
  policyName: z.string(),
  arn: z.string(),
  awsManaged: z.boolean(),
  attachmentCount: z.number().optional(),
  defaultVersionId: z.string().optional(),
  document: policyDocumentSchema.optional(),
  /** True when some statement allows Action '*' on Resource '*'. */
  allowsAdminAccess: z.boolean(),
});

/** One row of the credential report (dates ISO-8601 or undefined for N/A / no_information). */
export const iamCredentialReportRowSchema = recordBaseSchema.extend({
  user: z.string(),
  arn: z.string(),
  userCreationTime: z.string().optional(),
  passwordEnabled: z.boolean(),
  passwordLastUsed: z.string().optional(),
  passwordLastChanged: z.string().optional(),
  mfaActive: z.boolean(),
  accessKey1Active: z.boolean(),
  accessKey1LastRotated: z.string().optional(),
  accessKey1LastUsedDate: z.string().optional(),
  accessKey2Active: z.boolean(),
  accessKey2LastRotated: z.string().optional(),
  accessKey2LastUsedDate: z.string().optional(),
});

export const iamPasswordPolicySchema = recordBaseSchema.extend({
  /** null = the account has no password policy (NoSuchEntity). */
  policy: z
    .object({
      minimumPasswordLength: z.number().optional(),
      requireSymbols: z.boolean().optional(),
      requireNumbers: z.boolean().optional(),
      requireUppercaseCharacters: z.boolean().optional(),
      requireLowercaseCharacters: z.boolean().optional(),
      allowUsersToChangePassword: z.boolean().optional(),
      maxPasswordAge: z.number().optional(),
      passwordReusePrevention: z.number().optional(),
      hardExpiry: z.boolean().optional(),
    })
    .nullable(),
});

export const iamAccountSummarySchema = recordBaseSchema.extend({
  summary: z.record(z.string(), z.number()),
});

/** ListServerCertificates metadata (the certificate body is not collected). */
export const iamServerCertificateSchema = recordBaseSchema.extend({
  serverCertificateName: z.string(),
  serverCertificateId: z.string().optional(),
  arn: z.string(),
  path: z.string().optional(),
  uploadDate: z.string().optional(),
  expiration: z.string().optional(),
});

export type AttachedPolicyRef = z.infer<typeof attachedPolicyRefSchema>;
export type InlinePolicy = z.infer<typeof inlinePolicySchema>;
export type IamUser = z.infer<typeof iamUserSchema>;
export type IamGroup = z.infer<typeof iamGroupSchema>;
export type IamRole = z.infer<typeof iamRoleSchema>;
export type IamPolicy = z.infer<typeof iamPolicySchema>;
export type IamCredentialReportRow = z.infer<typeof iamCredentialReportRowSchema>;
export type IamPasswordPolicy = z.infer<typeof iamPasswordPolicySchema>;
export type IamAccountSummary = z.infer<typeof iamAccountSummarySchema>;
export type IamServerCertificate = z.infer<typeof iamServerCertificateSchema>;
