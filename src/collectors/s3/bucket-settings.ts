/** The per-bucket settings calls (AWS has no batch form), each sent to the bucket's own region. */
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketIntelligentTieringConfigurationsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { FieldError, S3Bucket } from '../../core/records.js';
import { parsePolicyDocument } from '../iam/policy-document.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';

type Settings = Omit<S3Bucket, 'name' | 'arn' | 'region' | 'creationDate' | 'fieldErrors' | 'tags'>;
type LifecycleRule = NonNullable<S3Bucket['lifecycleRules']>[number];

async function intelligentTiering(
  s3: S3Client,
  bucket: string,
  signal: AbortSignal,
): Promise<NonNullable<S3Bucket['intelligentTieringConfigurations']>> {
  const out: NonNullable<S3Bucket['intelligentTieringConfigurations']> = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListBucketIntelligentTieringConfigurationsCommand({ Bucket: bucket, ContinuationToken: token }),
      { abortSignal: signal },
    );
    for (const c of page.IntelligentTieringConfigurationList ?? []) {
      out.push({ id: c.Id ?? '', status: c.Status === 'Enabled' ? 'Enabled' : 'Disabled' });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

export async function fetchBucketSettings(
  ctx: CollectorContext,
  bucket: string,
  region: string,
  ownerId: string | undefined,
  fieldErrors: Record<string, FieldError>,
): Promise<Settings> {
  const s3 = ctx.clientIn(S3Client, region);
  const opts = { abortSignal: ctx.signal };
  const Bucket = bucket;
  const field = <T>(spec: Parameters<typeof optionalField<T>>[2]) => optionalField<T>(ctx, fieldErrors, spec);

  const ownershipControls = field<string | null>({
    field: 'ownershipControls',
    operation: 'GetBucketOwnershipControls',
    call: async () => {
      const r = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket }), opts);
      return r.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null;
    },
    notConfigured: ['OwnershipControlsNotFoundError'],
    empty: null,
  });
  const aclGrants = ownershipControls.then(async (ownership) => {
    // With BucketOwnerEnforced, ACLs are disabled: AWS refuses to enforce it while the ACL grants
    // anyone but the owner, and refuses ACL changes afterwards, so the only grant is the owner's
    // FULL_CONTROL — known without a GetBucketAcl call.
    if (ownership === 'BucketOwnerEnforced' && ownerId) {
      return [{ granteeType: 'CanonicalUser', granteeId: ownerId, permission: 'FULL_CONTROL' }];
    }
    return field<NonNullable<S3Bucket['aclGrants']>>({
      field: 'aclGrants',
      operation: 'GetBucketAcl',
      call: async () => {
        const r = await s3.send(new GetBucketAclCommand({ Bucket }), opts);
        return (r.Grants ?? []).map((g) => ({
          granteeType: g.Grantee?.Type ?? 'Unknown',
          ...(g.Grantee?.URI ? { granteeUri: g.Grantee.URI } : {}),
          ...(g.Grantee?.ID ? { granteeId: g.Grantee.ID } : {}),
          permission: g.Permission ?? 'Unknown',
        }));
      },
    });
  });

  // Both promises above go into the same Promise.all as the rest: awaited after it, they would be
  // left unhandled (and crash the process) whenever a sibling call rejects, e.g. on a cancel.
  const [
    ownership,
    acl,
    encryption,
    publicAccessBlock,
    policy,
    versioning,
    lifecycleRules,
    logging,
    tiering,
  ] = await Promise.all([
    ownershipControls,
    aclGrants,
    field<S3Bucket['encryption']>({
      field: 'encryption',
      operation: 'GetBucketEncryption',
      call: async () => {
        const r = await s3.send(new GetBucketEncryptionCommand({ Bucket }), opts);
        const rules = r.ServerSideEncryptionConfiguration?.Rules ?? [];
        if (rules.length === 0) return null;
        return rules.map((rule) => ({
          algorithm: rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'Unknown',
          ...(rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID
            ? { kmsKeyId: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID }
            : {}),
          ...(rule.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: rule.BucketKeyEnabled } : {}),
        }));
      },
      notConfigured: ['ServerSideEncryptionConfigurationNotFoundError', 'NotFound'],
      empty: null,
    }),
    field<S3Bucket['publicAccessBlock']>({
      field: 'publicAccessBlock',
      operation: 'GetPublicAccessBlock',
      call: async () => {
        const c = (await s3.send(new GetPublicAccessBlockCommand({ Bucket }), opts))
          .PublicAccessBlockConfiguration;
        return {
          blockPublicAcls: c?.BlockPublicAcls === true,
          ignorePublicAcls: c?.IgnorePublicAcls === true,
          blockPublicPolicy: c?.BlockPublicPolicy === true,
          restrictPublicBuckets: c?.RestrictPublicBuckets === true,
        };
      },
      notConfigured: ['NoSuchPublicAccessBlockConfiguration'],
      empty: null,
    }),
    field<S3Bucket['policy']>({
      field: 'policy',
      operation: 'GetBucketPolicy',
      call: async () => {
        const r = await s3.send(new GetBucketPolicyCommand({ Bucket }), opts);
        return r.Policy ? parsePolicyDocument(r.Policy) : null;
      },
      notConfigured: ['NoSuchBucketPolicy'],
      empty: null,
    }),
    field<S3Bucket['versioning']>({
      field: 'versioning',
      operation: 'GetBucketVersioning',
      call: async () => {
        const r = await s3.send(new GetBucketVersioningCommand({ Bucket }), opts);
        return {
          status: r.Status === 'Enabled' || r.Status === 'Suspended' ? r.Status : 'Disabled',
          mfaDelete: r.MFADelete === 'Enabled' ? 'Enabled' : 'Disabled',
        };
      },
    }),
    field<S3Bucket['lifecycleRules']>({
      field: 'lifecycleRules',
      operation: 'GetBucketLifecycleConfiguration',
      call: async () => {
        const r = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }), opts);
        return (r.Rules ?? []).map(
          (rule): LifecycleRule => ({
            ...(rule.ID ? { id: rule.ID } : {}),
            status: rule.Status === 'Enabled' ? 'Enabled' : 'Disabled',
            transitions: (rule.Transitions ?? []).map((t) => ({
              storageClass: t.StorageClass ?? 'Unknown',
              ...(t.Days !== undefined ? { days: t.Days } : {}),
              ...(t.Date ? { date: t.Date.toISOString() } : {}),
            })),
            ...(rule.Expiration?.Days !== undefined ? { expirationDays: rule.Expiration.Days } : {}),
          }),
        );
      },
      notConfigured: ['NoSuchLifecycleConfiguration'],
      empty: [],
    }),
    field<S3Bucket['logging']>({
      field: 'logging',
      operation: 'GetBucketLogging',
      call: async () => {
        const target = (await s3.send(new GetBucketLoggingCommand({ Bucket }), opts)).LoggingEnabled;
        if (!target?.TargetBucket) return null;
        return {
          targetBucket: target.TargetBucket,
          ...(target.TargetPrefix ? { targetPrefix: target.TargetPrefix } : {}),
        };
      },
    }),
    field({
      field: 'intelligentTieringConfigurations',
      operation: 'ListBucketIntelligentTieringConfigurations',
      call: () => intelligentTiering(s3, Bucket, ctx.signal),
    }),
  ]);

  return {
    encryption,
    publicAccessBlock,
    policy,
    aclGrants: acl,
    versioning,
    lifecycleRules,
    logging,
    intelligentTieringConfigurations: tiering,
    ownershipControls: ownership,
  };
}
