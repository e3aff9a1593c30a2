import { describe, expect, it } from 'vitest';
import type { PolicyDocument, PublicAccessBlock, S3Bucket } from '../../core/records.js';
import { evaluate, findingFor, fixtureSnapshot } from '../testing.js';
import check from './s3-bucket-not-public.js';

const off: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
const bucket = (name: string, extra: Partial<S3Bucket> = {}): S3Bucket => ({
  region: 'eu-west-1',
  name,
  arn: `arn:aws:s3:::${name}`,
  policy: null,
  aclGrants: [{ granteeType: 'CanonicalUser', granteeId: 'owner', permission: 'FULL_CONTROL' }],
  publicAccessBlock: null,
  ...extra,
});
const publicRead = (condition?: PolicyDocument['Statement'][number]['Condition']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
      Condition: condition,
    },
  ],
});
const allUsersRead = {
  granteeType: 'Group',
  granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers',
  permission: 'READ',
};
const run = (buckets: S3Bucket[], account: PublicAccessBlock | null | 'missing' = null) =>
  evaluate(
    check,
    fixtureSnapshot({
      's3.buckets': buckets,
      's3.account-public-access-block':
        account === 'missing'
          ? []
          : [{ region: 'global', accountId: '123456789012', publicAccessBlock: account }],
    }),
  );

describe('s3-bucket-not-public', () => {
  it('passes a private bucket and fails a public-read policy, naming the statement', () => {
    const findings = run([bucket('private'), bucket('website', { policy: publicRead() })]);
    expect(findingFor(findings, 'private').status).toBe('pass');
    const website = findingFor(findings, 'website');
    expect(website.status).toBe('fail');
    expect(website.message.en).toContain('PublicRead');
    expect(website.details?.publicStatements).toBe('PublicRead');
  });

  it('passes when a restricting condition (VPC endpoint, org) narrows the principal', () => {
    const findings = run([
      bucket('vpce', { policy: publicRead({ StringEquals: { 'aws:SourceVpce': 'vpce-0abc' } }) }),
      bucket('org', {
        policy: publicRead({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgID': ['o-123'] } }),
      }),
      bucket('everyone-but', {
        policy: publicRead({ StringNotEquals: { 'aws:SourceAccount': '111122223333' } }),
      }),
    ]);
    expect(findingFor(findings, 'vpce').status).toBe('pass');
    expect(findingFor(findings, 'org').status).toBe('pass');
    expect(findingFor(findings, 'everyone-but').status).toBe('fail');
  });

  it('fails an AllUsers or AuthenticatedUsers ACL grant', () => {
    const authenticated = {
      ...allUsersRead,
      granteeUri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
      permission: 'WRITE',
    };
    const findings = run([
      bucket('acl', { aclGrants: [allUsersRead] }),
      bucket('auth', { aclGrants: [authenticated] }),
    ]);
    expect(findingFor(findings, 'acl').message.en).toContain('AllUsers:READ');
    expect(findingFor(findings, 'auth').status).toBe('fail');
  });

  it('lets Block Public Access neutralise each exposure only with the right flag', () => {
    const findings = run([
      bucket('policy-restricted', {
        policy: publicRead(),
        publicAccessBlock: { ...off, restrictPublicBuckets: true },
      }),
      bucket('policy-wrong-flag', {
        policy: publicRead(),
        publicAccessBlock: { ...off, ignorePublicAcls: true },
      }),
      bucket('acl-ignored', {
        aclGrants: [allUsersRead],
        publicAccessBlock: { ...off, ignorePublicAcls: true },
      }),
      bucket('both-half', {
        policy: publicRead(),
        aclGrants: [allUsersRead],
        publicAccessBlock: { ...off, ignorePublicAcls: true },
      }),
    ]);
    expect(findingFor(findings, 'policy-restricted').status).toBe('pass');
    expect(findingFor(findings, 'policy-wrong-flag').status).toBe('fail');
    expect(findingFor(findings, 'acl-ignored').status).toBe('pass');
    const both = findingFor(findings, 'both-half');
    expect(both.status).toBe('fail');
    expect(both.message.en).not.toContain('ACL');
  });

  it('honours the account-level block', () => {
    const findings = run([bucket('website', { policy: publicRead(), aclGrants: [allUsersRead] })], {
      ...off,
      restrictPublicBuckets: true,
      ignorePublicAcls: true,
    });
    expect(findingFor(findings, 'website').status).toBe('pass');
  });

  it('is unknown when the policy or ACL could not be read, or the account block is missing for a public bucket', () => {
    const denied = bucket('denied', {
      policy: undefined,
      fieldErrors: { policy: { operation: 'GetBucketPolicy', code: 'AccessDenied', message: 'denied' } },
    });
    const findings = run([denied, bucket('website', { policy: publicRead() }), bucket('private')], 'missing');
    expect(findingFor(findings, 'denied').status).toBe('unknown');
    expect(findingFor(findings, 'website').status).toBe('unknown');
    expect(findingFor(findings, 'private').status).toBe('pass');
  });
});
