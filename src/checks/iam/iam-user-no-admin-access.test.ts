import { describe, expect, it } from 'vitest';
import type { IamGroup, IamPolicy, IamUser } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-user-no-admin-access.js';

const ADMIN = { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
const user = (userName: string, extra: Partial<IamUser> = {}): IamUser => ({
  region: 'global',
  userName,
  arn: `arn:aws:iam::123456789012:user/${userName}`,
  groups: [],
  attachedPolicies: [],
  inlinePolicies: [],
  tags: [],
  ...extra,
});
const group = (groupName: string, extra: Partial<IamGroup> = {}): IamGroup => ({
  region: 'global',
  groupName,
  arn: `arn:aws:iam::123456789012:group/${groupName}`,
  attachedPolicies: [],
  inlinePolicies: [],
  ...extra,
});
const s3Full: IamPolicy = {
  region: 'global',
  policyName: 'S3Everything',
  arn: 'arn:aws:iam::123456789012:policy/S3Everything',
  awsManaged: false,
  document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
  allowsAdminAccess: false,
};

describe('iam-user-no-admin-access', () => {
  it('fails direct AdministratorAccess, an inline *:* and admin through a group; passes s3:*', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.users': [
          user('direct', { attachedPolicies: [ADMIN] }),
          user('inline', {
            inlinePolicies: [
              {
                policyName: 'all',
                document: { Statement: [{ Effect: 'Allow', Action: '*:*', Resource: '*' }] },
              },
            ],
          }),
          user('via-group', { groups: ['admins'] }),
          user('storage', {
            attachedPolicies: [{ policyName: s3Full.policyName, policyArn: s3Full.arn }],
            groups: ['readers'],
          }),
        ],
        'iam.groups': [group('admins', { attachedPolicies: [ADMIN] }), group('readers')],
        'iam.policies': [s3Full],
      }),
    );
    expect(findingFor(findings, 'direct').status).toBe('fail');
    expect(findingFor(findings, 'inline').status).toBe('fail');
    const viaGroup = findingFor(findings, 'via-group');
    expect(viaGroup.status).toBe('fail');
    expect(viaGroup.message.en).toContain('AdministratorAccess (group admins)');
    expect(findingFor(findings, 'storage').status).toBe('pass');
  });

  it('is unknown when a group is missing or unreadable and nothing else proves admin', () => {
    const unreadable = group('locked', {
      fieldErrors: {
        attachedPolicies: { operation: 'ListAttachedGroupPolicies', code: 'AccessDenied', message: 'x' },
      },
    });
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.users': [
          user('ghost-group', { groups: ['deleted'] }),
          user('locked-group', { groups: ['locked'] }),
          user('admin-anyway', { groups: ['locked'], attachedPolicies: [ADMIN] }),
        ],
        'iam.groups': [unreadable],
        'iam.policies': [],
      }),
    );
    expect(findingFor(findings, 'ghost-group').status).toBe('unknown');
    expect(findingFor(findings, 'locked-group').status).toBe('unknown');
    expect(findingFor(findings, 'admin-anyway').status).toBe('fail');
  });
});
