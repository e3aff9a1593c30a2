import { describe, expect, it } from 'vitest';
import { allBlockFlagsOn, missingBlockFlags, publicAclGrants } from './policy-s3.js';

describe('Block Public Access flags', () => {
  it('lists the flags that are off in AWS spelling; all of them without a configuration', () => {
    const partial = {
      blockPublicAcls: true,
      ignorePublicAcls: false,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    };
    expect(missingBlockFlags(partial)).toEqual(['IgnorePublicAcls', 'RestrictPublicBuckets']);
    expect(missingBlockFlags(null)).toHaveLength(4);
    expect(allBlockFlagsOn(undefined)).toBe(false);
    expect(allBlockFlagsOn({ ...partial, ignorePublicAcls: true, restrictPublicBuckets: true })).toBe(true);
  });
});

describe('publicAclGrants', () => {
  it('finds AllUsers and AuthenticatedUsers grants whatever the URI case or scheme', () => {
    expect(
      publicAclGrants([
        { granteeType: 'CanonicalUser', granteeId: 'owner', permission: 'FULL_CONTROL' },
        {
          granteeType: 'Group',
          granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers',
          permission: 'READ',
        },
        {
          granteeType: 'Group',
          granteeUri: 'HTTPS://acs.amazonaws.com/groups/global/AuthenticatedUsers',
          permission: 'WRITE_ACP',
        },
        {
          granteeType: 'Group',
          granteeUri: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
          permission: 'WRITE',
        },
      ]),
    ).toEqual(['AllUsers:READ', 'AuthenticatedUsers:WRITE_ACP']);
    expect(publicAclGrants(undefined)).toEqual([]);
  });
});
