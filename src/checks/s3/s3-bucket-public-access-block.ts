import { particle } from '../../core/korean.js';
import { perResource } from '../lib/per-resource.js';
import { allBlockFlagsOn, missingBlockFlags } from '../lib/policy-s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-public-access-block',
  service: 's3',
  category: 'security',
  severity: 'high',
  title: {
    en: 'S3 bucket is covered by Block Public Access',
    ko: 'S3 버킷에 퍼블릭 액세스 차단이 적용됨',
  },
  failureLabel: {
    en: 'S3 buckets not covered by Block Public Access',
    ko: '퍼블릭 액세스 차단이 적용되지 않은 S3 버킷',
  },
  description: {
    en: 'A bucket is protected when its own Block Public Access, or the account-level one, has all four settings on.',
    ko: '버킷 자체 또는 계정 수준의 퍼블릭 액세스 차단 네 가지 설정이 모두 켜져 있으면 버킷이 보호됩니다.',
  },
  remediation: {
    why: {
      en: 'Without Block Public Access, one wrong policy or ACL on this bucket publishes its data.',
      ko: '퍼블릭 액세스 차단이 없으면 이 버킷의 정책이나 ACL 하나만 잘못 설정해도 데이터가 공개됩니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Permissions → Block public access (bucket settings) → Edit → tick Block all public access → Save (or turn it on for the whole account).',
      ],
      ko: [
        'S3 → 해당 버킷 → 권한 → 퍼블릭 액세스 차단(버킷 설정) → 편집 → 모든 퍼블릭 액세스 차단 선택 → 저장(또는 계정 전체에 켜기).',
      ],
    },
    commands: [
      'aws s3api put-public-access-block --bucket {{resourceId}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ],
    iac: {
      kind: 'terraform',
      code: 'resource "aws_s3_bucket_public_access_block" "this" { bucket = "{{resourceId}}"  block_public_acls = true  ignore_public_acls = true  block_public_policy = true  restrict_public_buckets = true }',
    },
  },
  compliance: { cis: ['2.1.4'], fsbp: ['S3.8'], ismsp: ['2.6.1', '2.6.2', '2.10.2'] },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  requires: ['s3.buckets', 's3.account-public-access-block'],
  requiresFields: { 's3.buckets': ['publicAccessBlock'] },
  settings: {},
  evaluate(ctx) {
    const account = ctx.records('s3.account-public-access-block')[0];
    const accountBlocked = account ? allBlockFlagsOn(account.publicAccessBlock) : undefined;
    return perResource(ctx, 's3.buckets', (bucket) => {
      const bucketMissing = missingBlockFlags(bucket.publicAccessBlock);
      if (bucketMissing.length === 0) {
        return {
          status: 'pass' as const,
          message: {
            en: `Bucket ${bucket.name} has all four Block Public Access settings on.`,
            ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 퍼블릭 액세스 차단 설정 네 가지가 모두 켜져 있습니다.`,
          },
        };
      }
      if (accountBlocked) {
        return {
          status: 'pass' as const,
          message: {
            en: `Bucket ${bucket.name} is covered by the account-level Block Public Access (bucket-level off: ${bucketMissing.join(', ')}).`,
            ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 계정 수준 퍼블릭 액세스 차단으로 보호됩니다(버킷 수준에서 꺼진 설정: ${bucketMissing.join(', ')}).`,
          },
        };
      }
      if (accountBlocked === undefined) {
        return {
          status: 'unknown' as const,
          message: {
            en: `Bucket ${bucket.name} has ${bucketMissing.join(', ')} off and the account-level setting was not collected.`,
            ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} ${bucketMissing.join(', ')} 설정이 꺼져 있고 계정 수준 설정은 수집되지 않았습니다.`,
          },
        };
      }
      return {
        status: 'fail' as const,
        message: {
          en: `Bucket ${bucket.name} is not covered by Block Public Access: bucket-level ${bucketMissing.join(', ')} off and the account-level block is incomplete.`,
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 퍼블릭 액세스 차단이 적용되지 않습니다: 버킷 수준 ${bucketMissing.join(', ')} 꺼짐, 계정 수준 차단도 불완전합니다.`,
        },
        details: { bucketMissingFlags: bucketMissing.join(',') },
      };
    });
  },
});
