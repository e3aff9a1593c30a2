import { describe, expect, it } from 'vitest';
import type { IamPolicy } from '../../core/records.js';
import { indexPolicies, resolveAdmin } from './policy-admin.js';

const policy = (name: string, statement: IamPolicy['document'] | undefined, flag = false): IamPolicy => ({
  region: 'global',
  policyName: name,
  arn: `arn:aws:iam::111122223333:policy/${name}`,
  awsManaged: false,
  document: statement,
  allowsAdminAccess: flag,
});

const allStar = { Statement: [{ Effect: 'Allow' as const, Action: '*', Resource: '*' }] };
const readOnly = { Statement: [{ Effect: 'Allow' as const, Action: 's3:Get*', Resource: '*' }] };
const ref = (p: IamPolicy) => ({ policyName: p.policyName, policyArn: p.arn });

describe('resolveAdmin', () => {
  const custom = policy('EverythingEverywhere', allStar);
  const reader = policy('Reader', readOnly);
  const index = indexPolicies([custom, reader]);

  it('finds AdministratorAccess by ARN even without its document', () => {
    const r = resolveAdmin(
      {
        attachedPolicies: [
          { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        ],
        inlinePolicies: [],
      },
      index,
    );
    expect(r).toEqual({ status: 'admin', grants: ['AdministratorAccess'], unresolved: [] });
  });

  it('finds a customer-managed * on * and names the group it came through', () => {
    const r = resolveAdmin({ attachedPolicies: [ref(reader)], inlinePolicies: [] }, index, [
      { name: 'ops', holder: { attachedPolicies: [ref(custom)], inlinePolicies: [] } },
    ]);
    expect(r.status).toBe('admin');
    expect(r.grants).toEqual(['EverythingEverywhere (group ops)']);
  });

  it('finds an inline * on *', () => {
    const r = resolveAdmin(
      { attachedPolicies: [], inlinePolicies: [{ policyName: 'root-ish', document: allStar }] },
      index,
    );
    expect(r.grants).toEqual(['root-ish (inline)']);
  });

  it('is not_admin when every policy is readable and narrow', () => {
    expect(resolveAdmin({ attachedPolicies: [ref(reader)], inlinePolicies: [] }, index).status).toBe(
      'not_admin',
    );
  });

  it('is unknown when a policy document or a group is missing and nothing proves admin', () => {
    const missing = policy('NotCollected', undefined);
    const r = resolveAdmin({ attachedPolicies: [ref(missing)], inlinePolicies: [] }, index, [], ['ghosts']);
    expect(r).toEqual({ status: 'unknown', grants: [], unresolved: ['NotCollected', 'group ghosts'] });
  });

  it('trusts the collector flag when the document was not kept', () => {
    const flagged = policy('Flagged', undefined, true);
    const r = resolveAdmin(
      { attachedPolicies: [ref(flagged)], inlinePolicies: [] },
      indexPolicies([flagged]),
    );
    expect(r.status).toBe('admin');
  });
});
