import { describe, expect, it } from 'vitest';
import type { PolicyDocument, PolicyStatement } from '../../core/records.js';
import {
  deniesInsecureTransport,
  documentGrantsAdmin,
  isAdministratorAccessArn,
  isAdminStatement,
  isPublicAllowStatement,
  isPublicPrincipal,
  LAMBDA_RESTRICTING_CONDITION_KEYS,
  publicAllowStatements,
  restrictingConditionKeys,
  statementsOf,
} from './policy.js';

const getObject = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
});

describe('isPublicPrincipal', () => {
  it.each([
    ['*', true],
    [{ AWS: '*' }, true],
    [{ aws: ['arn:aws:iam::111122223333:root', '*'] }, true],
    [{ AWS: 'arn:aws:iam::111122223333:root' }, false],
    [{ Service: 'lambda.amazonaws.com' }, false],
    [{ CanonicalUser: 'abc' }, false],
    [undefined, false],
    [['*'], false],
  ])('%j → %s', (principal, expected) => {
    expect(isPublicPrincipal(principal)).toBe(expected);
  });
});

describe('restricting conditions', () => {
  it.each<[string, PolicyStatement['Condition'], boolean]>([
    ['SourceIp range', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, true],
    ['SourceIp everything', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } }, false],
    ['NotIpAddress grants everyone else', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, false],
    ['SourceVpce', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, true],
    ['lower-case key', { StringEquals: { 'AWS:sourcevpc': 'vpc-111' } }, true],
    ['PrincipalOrgID ForAnyValue', { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc' } }, true],
    ['IfExists variant', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }, true],
    [
      'ForAllValues is true when the key is absent',
      { 'ForAllValues:StringEquals': { 'aws:SourceAccount': '1' } },
      false,
    ],
    ['StringNotEquals', { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }, false],
    ['StringLike wildcard', { StringLike: { 'aws:SourceArn': '*' } }, false],
    ['ArnLike wildcard ARN', { ArnLike: { 'aws:SourceArn': 'arn:aws:*:*:*:*' } }, false],
    ['ArnLike one bucket', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::logs-bucket' } }, true],
    ['Null only tests presence', { Null: { 'aws:SourceVpc': 'false' } }, false],
    ['unrelated key', { StringEquals: { 'aws:UserAgent': 'curl' } }, false],
    ['SecureTransport is not a restriction', { Bool: { 'aws:SecureTransport': 'true' } }, false],
  ])('%s', (_label, condition, restricts) => {
    const statement = getObject({ Condition: condition });
    expect(restrictingConditionKeys(statement).length > 0).toBe(restricts);
    expect(isPublicAllowStatement(statement)).toBe(!restricts);
  });

  it('uses the Lambda key list when given (SourceIp does not restrict a Lambda resource policy)', () => {
    const statement: PolicyStatement = {
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunction',
      Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    };
    expect(isPublicAllowStatement(statement)).toBe(false);
    expect(isPublicAllowStatement(statement, LAMBDA_RESTRICTING_CONDITION_KEYS)).toBe(true);
  });
});

describe('public Allow statements', () => {
  it('ignores Deny statements and named principals', () => {
    const doc: PolicyDocument = {
      Statement: [
        { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
        getObject({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
      ],
    };
    expect(publicAllowStatements(doc)).toEqual([]);
  });

  it('treats Allow with NotPrincipal as public (everyone except the listed principals)', () => {
    const doc: PolicyDocument = {
      Statement: [{ Sid: 'AllBut', Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:user/x' } }],
    };
    expect(publicAllowStatements(doc)).toEqual(['AllBut']);
  });

  it('labels statements by Sid or position and accepts a single statement object', () => {
    const doc = { Statement: getObject() } as unknown as PolicyDocument;
    expect(statementsOf(doc)).toHaveLength(1);
    expect(publicAllowStatements(doc)).toEqual(['#1']);
    expect(publicAllowStatements(null)).toEqual([]);
  });
});

describe('admin detection', () => {
  it.each<[string, PolicyStatement, boolean]>([
    ['* on *', { Effect: 'Allow', Action: '*', Resource: '*' }, true],
    ['*:* in an array', { Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] }, true],
    ['s3:* is not admin', { Effect: 'Allow', Action: 's3:*', Resource: '*' }, false],
    ['* on one bucket', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }, false],
    ['* on a wildcard ARN', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:*:*:*:*' }, true],
    [
      '* with NotResource of one bucket',
      { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' },
      true,
    ],
    ['* with NotResource *', { Effect: 'Allow', Action: '*', NotResource: '*' }, false],
    ['NotAction iam:* (PowerUser)', { Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }, false],
    ['Deny * on *', { Effect: 'Deny', Action: '*', Resource: '*' }, false],
    [
      'conditioned admin still admin',
      {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      true,
    ],
  ])('%s', (_label, statement, admin) => {
    expect(isAdminStatement(statement)).toBe(admin);
    expect(documentGrantsAdmin({ Statement: [statement] })).toBe(admin);
  });

  it('an unconditional Deny of everything cancels the Allow in the same document', () => {
    expect(
      documentGrantsAdmin({
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: '*', Resource: '*' },
        ],
      }),
    ).toBe(false);
  });

  it('recognises AdministratorAccess in every partition, and nothing else', () => {
    expect(isAdministratorAccessArn('arn:aws:iam::aws:policy/AdministratorAccess')).toBe(true);
    expect(isAdministratorAccessArn('arn:aws-cn:iam::aws:policy/AdministratorAccess')).toBe(true);
    expect(isAdministratorAccessArn('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBe(false);
    expect(isAdministratorAccessArn('arn:aws:iam::aws:policy/AdministratorAccess-Amplify')).toBe(false);
  });
});

describe('deniesInsecureTransport', () => {
  const deny = (condition: PolicyStatement['Condition']): PolicyDocument => ({
    Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: condition }],
  });
  it.each<[string, PolicyDocument | null, boolean]>([
    ['Bool false string', deny({ Bool: { 'aws:SecureTransport': 'false' } }), true],
    ['Bool false boolean, lower-case key', deny({ Bool: { 'aws:securetransport': false } }), true],
    ['BoolIfExists', deny({ BoolIfExists: { 'aws:SecureTransport': ['false'] } }), true],
    ['true is the wrong way round', deny({ Bool: { 'aws:SecureTransport': 'true' } }), false],
    [
      'Allow with the condition does not enforce anything',
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
      false,
    ],
    ['no policy', null, false],
  ])('%s', (_label, doc, expected) => {
    expect(deniesInsecureTransport(doc)).toBe(expected);
  });
});
