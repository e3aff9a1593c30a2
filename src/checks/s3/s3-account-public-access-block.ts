import { particle } from '../../core/korean.js';
import { missingBlockFlags } from '../lib/policy-s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-account-public-access-block',
  service: 's3',
  category: 'security',
  severity: 'high',
  title: {
    en: 'S3 Block Public Access is on for the whole account',
    ko: '계정 전체에 S3 퍼블릭 액세스 차단이 켜져 있음',
  },
  failureLabel: {
    en: 'Account without full S3 Block Public Access',
    ko: 'S3 퍼블릭 액세스 차단이 완전하지 않은 계정',
  },
  description: {
    en: 'Account-level S3 Block Public Access with all four settings on stops any bucket in the account from being made public by a policy or an ACL, including buckets created later.',
    ko: '계정 수준 S3 퍼블릭 액세스 차단의 네 가지 설정이 모두 켜져 있으면, 이후에 만드는 버킷을 포함해 계정의 어떤 버킷도 정책이나 ACL로 공개될 수 없습니다.',
  },
  remediation: {
    why: {
      en: 'Without the account-wide block, one wrong bucket policy or ACL is enough to publish data.',
      ko: '계정 전체 차단이 없으면 버킷 정책이나 ACL 하나만 잘못 설정해도 데이터가 공개됩니다.',
    },
    steps: {
      en: [
        'First confirm no bucket must stay public (static websites belong behind CloudFront with origin access control).',
        'S3 → Block Public Access settings for this account → Edit → tick Block all public access → Save.',
      ],
      ko: [
        '먼저 공개로 남아야 하는 버킷이 없는지 확인하세요(정적 웹 사이트는 원본 액세스 제어를 쓰는 CloudFront 뒤에 두세요).',
        'S3 → 이 계정의 퍼블릭 액세스 차단 설정 → 편집 → 모든 퍼블릭 액세스 차단 선택 → 저장.',
      ],
    },
    commands: [
      'aws s3control put-public-access-block --account-id {{resourceId}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ],
    iac: {
      kind: 'terraform',
      code: 'resource "aws_s3_account_public_access_block" "this" { block_public_acls = true  ignore_public_acls = true  block_public_policy = true  restrict_public_buckets = true }',
    },
  },
  compliance: { cis: ['2.1.4'], fsbp: ['S3.1'], ismsp: ['2.6.1', '2.6.2', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  ],
  requires: ['s3.account-public-access-block'],
  settings: {},
  evaluate(ctx) {
    const record = ctx.records('s3.account-public-access-block')[0];
    const accountId = ctx.snapshot.metadata.accountId ?? record?.accountId ?? 'account';
    const resource = { resourceId: accountId, resourceName: `AWS account ${accountId}`, region: 'global' };
    if (!record) {
      return [
        {
          ...resource,
          status: 'unknown',
          message: {
            en: `Account ${accountId}: the account-level Block Public Access setting is missing from the collection.`,
            ko: `계정 ${accountId}: 수집 결과에 계정 수준 퍼블릭 액세스 차단 설정이 없습니다.`,
          },
        },
      ];
    }
    const missing = missingBlockFlags(record.publicAccessBlock);
    if (missing.length === 0) {
      return [
        {
          ...resource,
          status: 'pass',
          message: {
            en: `Account ${accountId} blocks public access to S3 with all four settings on.`,
            ko: `계정 ${accountId}${particle(accountId, '은/는')} 네 가지 S3 퍼블릭 액세스 차단 설정이 모두 켜져 있습니다.`,
          },
        },
      ];
    }
    const none = record.publicAccessBlock === null;
    return [
      {
        ...resource,
        status: 'fail',
        message: none
          ? {
              en: `Account ${accountId} has no account-level S3 Block Public Access configuration.`,
              ko: `계정 ${accountId}에 계정 수준 S3 퍼블릭 액세스 차단 구성이 없습니다.`,
            }
          : {
              en: `Account ${accountId}: account-level S3 Block Public Access has ${missing.join(', ')} off.`,
              ko: `계정 ${accountId}: 계정 수준 S3 퍼블릭 액세스 차단에서 ${missing.join(', ')} 설정이 꺼져 있습니다.`,
            },
        details: { missingFlags: missing.join(',') },
      },
    ];
  },
});
