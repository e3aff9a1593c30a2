import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildReadOnlyPolicy, OPTIONAL_SPEND_ACTIONS } from '../../src/aws/iam-policy.js';
import { requiredIamActions } from '../../src/collectors/registry.js';
import {
  buildMemberRoleTemplate,
  COST_EXPLORER_CONDITION,
  COST_EXPLORER_RESOURCE,
  DEFAULT_MEMBER_ROLE_NAME,
  MANAGED_POLICY_MAX_CHARS,
  MAX_MANAGED_POLICIES_PER_ROLE,
  type PolicyDocument,
  policySize,
  ROLE_RESOURCE,
  readOnlyPolicyResource,
  renderTemplate,
  splitIntoPolicies,
} from '../../src/orgs/member-role-template.js';

const EXTERNAL_ID = 'again-unitTestExternalId_0123456789';
const PRINCIPAL = 'arn:aws:iam::123456789012:role/again-console-server';

interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}
const resources = (template: Record<string, unknown>) => template.Resources as Record<string, Resource>;
const actionsOf = (documents: PolicyDocument[]) =>
  documents.flatMap((d) => d.Statement.flatMap((s) => s.Action));

/** Made-up read actions, long enough that hundreds of them need several policies. */
const syntheticActions = (count: number) =>
  Array.from({ length: count }, (_, i) => `service${i % 37}:DescribeSomeRatherLongResourceName${i}`);

describe('member-role template: policy split under the IAM size limit', () => {
  it('the collectors declared policy today: every action in exactly one policy, each within 6,144 characters (moto does not enforce the limit: measured here)', () => {
    const built = buildMemberRoleTemplate({ actions: requiredIamActions() });
    const expected = buildReadOnlyPolicy(requiredIamActions()).actions;
    const placed = actionsOf(built.readOnlyPolicies);
    expect(placed.sort()).toEqual([...expected].sort());
    expect(new Set(placed).size).toBe(placed.length);
    for (const doc of built.readOnlyPolicies)
      expect(policySize(doc)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    expect(built.policyCount).toBe(built.readOnlyPolicies.length + 1);
  });

  it('splits 400 actions into several policies, each within the limit, none lost or doubled', () => {
    const actions = syntheticActions(400).sort();
    const documents = splitIntoPolicies(actions);
    expect(documents.length).toBeGreaterThan(1);
    for (const doc of documents) {
      expect(policySize(doc)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
      // Whitespace-free JSON is what IAM counts: the measure is the document itself.
      expect(JSON.stringify(doc).length).toBe(policySize(doc));
    }
    expect(actionsOf(documents)).toEqual(actions);
    // Packed: moving the next policy's first action back would break the limit.
    for (let i = 0; i + 1 < documents.length; i++) {
      const [doc, next] = [documents[i], documents[i + 1]];
      const statement = doc?.Statement[0];
      const moved = {
        ...doc,
        Statement: [{ ...statement, Action: [...(statement?.Action ?? []), next?.Statement[0]?.Action[0]] }],
      };
      expect(JSON.stringify(moved).length).toBeGreaterThan(MANAGED_POLICY_MAX_CHARS);
    }
  });

  it('is deterministic: the same actions, in any order, give the same template', () => {
    const actions = syntheticActions(300);
    const a = buildMemberRoleTemplate({ actions });
    const b = buildMemberRoleTemplate({ actions: [...actions].reverse() });
    expect(renderTemplate(b.template, 'json')).toBe(renderTemplate(a.template, 'json'));
  });

  it('refuses a policy that would need more than 10 managed policies on the role', () => {
    expect(() => buildMemberRoleTemplate({ actions: syntheticActions(2000) })).toThrow(
      new RegExp(`at most ${MAX_MANAGED_POLICIES_PER_ROLE}`),
    );
  });

  it('leaves out anything that is not read-only, as the iam-policy generator does', () => {
    const built = buildMemberRoleTemplate({ actions: ['ec2:DescribeInstances', 'ec2:TerminateInstances'] });
    expect(actionsOf(built.readOnlyPolicies)).toEqual(['ec2:DescribeInstances', 'sts:GetCallerIdentity']);
  });
});

describe('member-role template: parameters, trust and outputs', () => {
  const built = buildMemberRoleTemplate({
    actions: requiredIamActions(),
    externalId: EXTERNAL_ID,
    trustedPrincipalArn: PRINCIPAL,
  });
  const template = built.template;
  const params = template.Parameters as Record<string, Record<string, unknown>>;

  it('has the parameters with the user External ID and the console principal as defaults, within their own constraints (moto does not enforce AllowedPattern or MinLength)', () => {
    expect(params.RoleName).toMatchObject({
      Type: 'String',
      Default: DEFAULT_MEMBER_ROLE_NAME,
      MaxLength: 64,
    });
    expect(params.ExternalId).toMatchObject({ Type: 'String', Default: EXTERNAL_ID, MinLength: 2 });
    expect(params.TrustedPrincipalArn).toMatchObject({ Type: 'String', Default: PRINCIPAL });
    expect(params.IncludeCostExplorer).toMatchObject({ Default: 'false', AllowedValues: ['true', 'false'] });
    for (const [name, p] of Object.entries(params)) {
      if (typeof p.AllowedPattern !== 'string') continue;
      const re = new RegExp(`^(?:${p.AllowedPattern})$`);
      if (typeof p.Default === 'string') expect(re.test(p.Default), name).toBe(true);
    }
  });

  it('asks for the External ID and principal at deploy time when they are not known', () => {
    const bare = buildMemberRoleTemplate({ actions: [] }).template.Parameters as typeof params;
    expect(bare.ExternalId?.Default).toBeUndefined();
    expect(bare.TrustedPrincipalArn?.Default).toBeUndefined();
  });

  it('the role trusts only the principal, only with the External ID, for at most an hour', () => {
    const role = resources(template)[ROLE_RESOURCE];
    expect(role?.Type).toBe('AWS::IAM::Role');
    expect(role?.Properties.MaxSessionDuration).toBe(3600);
    expect(role?.Properties.RoleName).toEqual({ Ref: 'RoleName' });
    expect(role?.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: { Ref: 'TrustedPrincipalArn' } },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
        },
      ],
    });
  });

  it('attaches every read-only policy to the role; Cost Explorer only under its condition', () => {
    const all = resources(template);
    built.readOnlyPolicies.forEach((doc, i) => {
      const policy = all[readOnlyPolicyResource(i + 1)];
      expect(policy?.Type).toBe('AWS::IAM::ManagedPolicy');
      expect(policy?.Condition).toBeUndefined();
      expect(policy?.Properties.Roles).toEqual([{ Ref: ROLE_RESOURCE }]);
      expect(policy?.Properties.PolicyDocument).toEqual(doc);
    });
    const ce = all[COST_EXPLORER_RESOURCE];
    expect(ce?.Condition).toBe(COST_EXPLORER_CONDITION);
    expect(ce?.Properties.Roles).toEqual([{ Ref: ROLE_RESOURCE }]);
    expect(actionsOf([ce?.Properties.PolicyDocument as PolicyDocument])).toEqual([...OPTIONAL_SPEND_ACTIONS]);
    expect(template.Conditions).toEqual({
      [COST_EXPLORER_CONDITION]: { 'Fn::Equals': [{ Ref: 'IncludeCostExplorer' }, 'true'] },
    });
    // Nothing in the read-only policies is Cost Explorer's.
    for (const a of OPTIONAL_SPEND_ACTIONS) expect(actionsOf(built.readOnlyPolicies)).not.toContain(a);
    expect(Object.keys(all)).toHaveLength(built.policyCount + 1);
  });

  it('outputs the role ARN', () => {
    expect(template.Outputs).toEqual({
      RoleArn: { Description: expect.any(String), Value: { 'Fn::GetAtt': [ROLE_RESOURCE, 'Arn'] } },
    });
  });

  it('YAML and JSON render the same template; dates and booleans stay strings in YAML', () => {
    const yaml = renderTemplate(template, 'yaml');
    expect(parse(yaml, { version: '1.1' })).toEqual(template);
    expect(JSON.parse(renderTemplate(template, 'json'))).toEqual(template);
    expect(yaml).toContain('AWSTemplateFormatVersion: "2010-09-09"');
    expect(yaml).toMatch(/Default: "false"/);
  });
});
