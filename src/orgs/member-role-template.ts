/**
 * The CloudFormation template of the read-only audit role every member account of an organization
 * deploys (by StackSets): trust to the console's principal with the user's External ID, and the
 * least-privilege read policy the collectors declare, split into managed policies that each stay
 * under IAM's size limit. Pure: no AWS calls.
 */
import { stringify } from 'yaml';
import { buildReadOnlyPolicy, OPTIONAL_SPEND_SID } from '../aws/iam-policy.js';
import { buildTrustPolicy } from '../connections/store.js';
import type { ORG_TEMPLATE_FORMATS } from '../shared/api/org-setup.js';

export const DEFAULT_MEMBER_ROLE_NAME = 'AgainConsoleAudit';
/** IAM: a managed policy document is at most 6,144 characters, whitespace not counted. */
export const MANAGED_POLICY_MAX_CHARS = 6144;
/** IAM: a role has at most 10 managed policies attached (the default quota). */
export const MAX_MANAGED_POLICIES_PER_ROLE = 10;
export const MEMBER_ROLE_MAX_SESSION_SECONDS = 3600;
/** IAM role names; no comma, so the name is safe in the AWS CLI's `ParameterValue=` shorthand. */
export const MEMBER_ROLE_NAME_PATTERN = /^[\w+=.@-]{1,64}$/;
/** STS: an External ID is 2 to 1,224 characters of these. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
export const TRUSTED_PRINCIPAL_PATTERN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:[\w+=,.@/-]+$/;

export type TemplateFormat = (typeof ORG_TEMPLATE_FORMATS)[number];

/** The template's logical ids: the tests and the deploy commands name them. */
export const ROLE_RESOURCE = 'AuditRole';
export const COST_EXPLORER_RESOURCE = 'CostExplorerReadPolicy';
export const COST_EXPLORER_CONDITION = 'CostExplorerIncluded';
export const readOnlyPolicyResource = (index: number) => `ReadOnlyPolicy${index}`;

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

export interface MemberRoleTemplateInput {
  /** The collectors' declared IAM actions (what `GET /api/iam-policy` is built from). */
  actions: readonly string[];
  roleName?: string;
  /** Default of the ExternalId parameter (the user's own); none: asked for at deploy time. */
  externalId?: string;
  /** Default of the TrustedPrincipalArn parameter (the console's principal), when known. */
  trustedPrincipalArn?: string | null;
}

export interface MemberRoleTemplate {
  template: Record<string, unknown>;
  /** The read-only policy documents, in order (the Cost Explorer one is not among them). */
  readOnlyPolicies: PolicyDocument[];
  costExplorerPolicy: PolicyDocument;
  /** Managed policies the role gets with every option on (read-only ones plus Cost Explorer). */
  policyCount: number;
}

/** What IAM counts: the document's characters, whitespace excluded. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

const readOnlyDocument = (index: number, actions: string[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Sid: `AgainConsoleReadOnly${index}`, Effect: 'Allow', Action: actions, Resource: '*' }],
});

/**
 * Packs the (sorted) actions in order into as few documents as fit the size limit: the same actions
 * always give the same split, so redeploying the template changes nothing.
 */
export function splitIntoPolicies(actions: readonly string[], maxChars = MANAGED_POLICY_MAX_CHARS) {
  const documents: PolicyDocument[] = [];
  let current: string[] = [];
  for (const action of actions) {
    const candidate = [...current, action];
    if (policySize(readOnlyDocument(documents.length + 1, candidate)) <= maxChars) {
      current = candidate;
      continue;
    }
    if (current.length === 0) throw new Error(`IAM action too long for one policy: ${action}`);
    documents.push(readOnlyDocument(documents.length + 1, current));
    current = [action];
  }
  if (current.length > 0) documents.push(readOnlyDocument(documents.length + 1, current));
  return documents;
}

const ref = (name: string) => ({ Ref: name });
const sub = (text: string) => ({ 'Fn::Sub': text });

function parameters(input: MemberRoleTemplateInput): Record<string, unknown> {
  const principal = input.trustedPrincipalArn;
  return {
    RoleName: {
      Type: 'String',
      Description: 'Name of the read-only audit role (the same in every member account)',
      Default: input.roleName ?? DEFAULT_MEMBER_ROLE_NAME,
      AllowedPattern: MEMBER_ROLE_NAME_PATTERN.source.slice(1, -1),
      MinLength: 1,
      MaxLength: 64,
    },
    ExternalId: {
      Type: 'String',
      Description:
        'Your External ID from again-console (Settings > AWS access); the role trusts only requests that carry it',
      ...(input.externalId ? { Default: input.externalId } : {}),
      AllowedPattern: EXTERNAL_ID_PATTERN.source.slice(1, -1).replace('{2,1224}', '+'),
      MinLength: 2,
      MaxLength: 1224,
    },
    TrustedPrincipalArn: {
      Type: 'String',
      Description: 'The principal again-console assumes roles as (its own role or account)',
      ...(principal ? { Default: principal } : {}),
      AllowedPattern: TRUSTED_PRINCIPAL_PATTERN.source.slice(1, -1),
    },
    IncludeCostExplorer: {
      Type: 'String',
      Description: 'Also allow Cost Explorer reads for the Spend page (AWS bills 0.01 USD per request)',
      Default: 'false',
      AllowedValues: ['true', 'false'],
    },
  };
}

function managedPolicy(name: string, description: string, document: PolicyDocument) {
  return {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      ManagedPolicyName: sub(`\${RoleName}-${name}`),
      Description: description,
      Roles: [ref(ROLE_RESOURCE)],
      PolicyDocument: document,
    },
  };
}

export function buildMemberRoleTemplate(input: MemberRoleTemplateInput): MemberRoleTemplate {
  const { actions, optionalActions } = buildReadOnlyPolicy(input.actions);
  const readOnlyPolicies = splitIntoPolicies(actions);
  const costExplorerPolicy: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [{ Sid: OPTIONAL_SPEND_SID, Effect: 'Allow', Action: [...optionalActions], Resource: '*' }],
  };
  const policyCount = readOnlyPolicies.length + 1;
  if (policyCount > MAX_MANAGED_POLICIES_PER_ROLE) {
    throw new Error(
      `The read policy needs ${policyCount} managed policies; a role takes at most ${MAX_MANAGED_POLICIES_PER_ROLE}`,
    );
  }
  const resources: Record<string, unknown> = {
    [ROLE_RESOURCE]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: ref('RoleName'),
        Description: 'again-console: read-only audit access, only with your External ID',
        MaxSessionDuration: MEMBER_ROLE_MAX_SESSION_SECONDS,
        AssumeRolePolicyDocument: buildTrustPolicy(ref('TrustedPrincipalArn'), ref('ExternalId')),
      },
    },
  };
  readOnlyPolicies.forEach((document, i) => {
    resources[readOnlyPolicyResource(i + 1)] = managedPolicy(
      `ReadOnly-${i + 1}`,
      `again-console read-only actions, part ${i + 1} of ${readOnlyPolicies.length}`,
      document,
    );
  });
  resources[COST_EXPLORER_RESOURCE] = {
    Condition: COST_EXPLORER_CONDITION,
    ...managedPolicy('CostExplorer', 'again-console Spend page: Cost Explorer reads', costExplorerPolicy),
  };
  return {
    template: {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: 'again-console read-only audit role for an AWS Organizations member account',
      Parameters: parameters(input),
      Conditions: { [COST_EXPLORER_CONDITION]: { 'Fn::Equals': [ref('IncludeCostExplorer'), 'true'] } },
      Resources: resources,
      Outputs: {
        RoleArn: {
          Description: 'The role to assume in this account',
          Value: { 'Fn::GetAtt': [ROLE_RESOURCE, 'Arn'] },
        },
      },
    },
    readOnlyPolicies,
    costExplorerPolicy,
    policyCount,
  };
}

/**
 * The template as a file. YAML 1.1 quoting, so values such as "2010-09-09" and "false" stay strings
 * for every YAML reader (CloudFormation's and PyYAML's among them).
 */
export function renderTemplate(template: Record<string, unknown>, format: TemplateFormat): string {
  return format === 'json'
    ? `${JSON.stringify(template, null, 2)}\n`
    : stringify(template, { version: '1.1', lineWidth: 0 });
}

export const templateFileName = (format: TemplateFormat) => `again-console-member-role.${format}`;
