import { GetPolicyCommand, GetPolicyVersionCommand, IAMClient } from '@aws-sdk/client-iam';
import type { FieldError, IamPolicy, PolicyDocument } from '../../core/records.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';
import { defineCollector } from '../types.js';
import { type AuthorizationDetails, authorizationDetails, withFieldErrors } from './authorization-details.js';
import { allowsAdminAccess, parsePolicyDocument } from './policy-document.js';

/** AWS-managed policy ARNs look like arn:<partition>:iam::aws:policy/… */
const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

/** AWS-managed policies attached to some user, group or role (each counted once). */
export function attachedAwsManagedArns(details: AuthorizationDetails): string[] {
  const arns = new Set<string>();
  for (const entity of [...details.users, ...details.groups, ...details.roles]) {
    for (const p of entity.AttachedManagedPolicies ?? []) {
      if (p.PolicyArn && AWS_MANAGED.test(p.PolicyArn)) arns.add(p.PolicyArn);
    }
  }
  return [...arns].sort();
}

const nameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

function customerManaged(policy: AuthorizationDetails['policies'][number]): IamPolicy {
  const fieldErrors: Record<string, FieldError> = {};
  const version = policy.PolicyVersionList?.find((v) => v.IsDefaultVersion);
  let document: PolicyDocument | undefined;
  try {
    if (version?.Document) document = parsePolicyDocument(version.Document);
  } catch (error) {
    const failure = {
      operation: 'GetAccountAuthorizationDetails',
      code: 'PolicyParseError',
      message: error instanceof Error ? error.message : String(error),
    };
    fieldErrors.document = failure;
    fieldErrors.allowsAdminAccess = failure;
  }
  const record: IamPolicy = {
    region: 'global',
    // The emulator omits PolicyName here; the ARN ends with it (after the path) on AWS as well.
    policyName: policy.PolicyName || nameFromArn(policy.Arn ?? ''),
    arn: policy.Arn ?? '',
    awsManaged: false,
    ...(policy.AttachmentCount !== undefined ? { attachmentCount: policy.AttachmentCount } : {}),
    ...(policy.DefaultVersionId ? { defaultVersionId: policy.DefaultVersionId } : {}),
    ...(document ? { document } : {}),
    allowsAdminAccess: allowsAdminAccess(document),
  };
  return withFieldErrors(record, fieldErrors);
}

/** GetPolicy (default version id) then GetPolicyVersion (document): AWS has no batch form. */
async function awsManaged(ctx: CollectorContext, arn: string): Promise<IamPolicy> {
  const client = ctx.client(IAMClient);
  const fieldErrors: Record<string, FieldError> = {};
  const policy = await optionalField(ctx, fieldErrors, {
    field: 'document',
    operation: 'GetPolicy',
    call: async () =>
      (await client.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: ctx.signal })).Policy,
  });
  const versionId = policy?.DefaultVersionId;
  const document = versionId
    ? await optionalField(ctx, fieldErrors, {
        field: 'document',
        operation: 'GetPolicyVersion',
        call: async () => {
          const answer = await client.send(
            new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }),
            {
              abortSignal: ctx.signal,
            },
          );
          return parsePolicyDocument(answer.PolicyVersion?.Document ?? '');
        },
      })
    : undefined;
  if (fieldErrors.document) fieldErrors.allowsAdminAccess = fieldErrors.document;
  const record: IamPolicy = {
    region: 'global',
    policyName: policy?.PolicyName || nameFromArn(arn),
    arn,
    awsManaged: true,
    ...(policy?.AttachmentCount !== undefined ? { attachmentCount: policy.AttachmentCount } : {}),
    ...(versionId ? { defaultVersionId: versionId } : {}),
    ...(document ? { document } : {}),
    allowsAdminAccess: allowsAdminAccess(document),
  };
  return withFieldErrors(record, fieldErrors);
}

export const iamPolicies = defineCollector({
  id: 'iam.policies',
  async *collect(ctx) {
    const details = await authorizationDetails(ctx);
    for (const policy of details.policies) yield customerManaged(policy);
    const pending = attachedAwsManagedArns(details).map((arn) => awsManaged(ctx, arn));
    for (const record of pending) yield await record;
  },
});
