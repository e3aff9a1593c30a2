import { describe, expect, it } from 'vitest';
import type { IamPolicy } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './iam-policy-no-full-admin.js';

const arn = (name: string) => `arn:aws:iam::123456789012:policy/${name}`;
const policy = (
  name: string,
  allowsAdminAccess: boolean,
  attachmentCount?: number,
  awsManaged = false,
): IamPolicy => ({
  region: 'global',
  policyName: name,
  arn: awsManaged ? `arn:aws:iam::aws:policy/${name}` : arn(name),
  awsManaged,
  ...(attachmentCount !== undefined ? { attachmentCount } : {}),
  allowsAdminAccess,
});

describe('iam-policy-no-full-admin', () => {
  it('fails an attached "*:*" customer policy, passes a scoped one, skips unattached and AWS-managed ones', () => {
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.policies': [
          policy('everything', true, 2),
          policy('read-buckets', false, 1),
          policy('unused-everything', true, 0),
          policy('AdministratorAccess', true, 3, true),
        ],
      }),
    );
    expect(findings.map((f) => f.resourceName).sort()).toEqual(['everything', 'read-buckets']);
    expect(findingFor(findings, arn('everything')).status).toBe('fail');
    expect(findingFor(findings, arn('everything')).details).toEqual({ attachmentCount: 2 });
    expect(findingFor(findings, arn('read-buckets')).status).toBe('pass');
  });

  it('is unknown when the attachment count or the document is missing', () => {
    const parseError = {
      operation: 'GetAccountAuthorizationDetails',
      code: 'PolicyParseError',
      message: 'bad',
    };
    const findings = evaluate(
      check,
      fixtureSnapshot({
        'iam.policies': [
          policy('no-count', true),
          { ...policy('unreadable', false, 1), fieldErrors: { allowsAdminAccess: parseError } },
        ],
      }),
    );
    expect(findingFor(findings, arn('no-count')).status).toBe('unknown');
    expect(findingFor(findings, arn('unreadable')).status).toBe('unknown');
  });
});
