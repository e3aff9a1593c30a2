import { perResource } from '../lib/per-resource.js';
import { accountBlockOf, bucketPublicVerdict } from '../lib/s3-public.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-not-public',
  service: 's3',
  category: 'security',
  severity: 'critical',
  title: { en: 'S3 bucket is not public', ko: 'S3 버킷이 공개되어 있지 않음' },
  failureLabel: { en: 'Public S3 buckets', ko: '공개된 S3 버킷' },
  description: {
    en: 'Fails when the bucket policy allows principal "*" without a condition on aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID or aws:PrincipalAccount, or an ACL grants AllUsers/AuthenticatedUsers — unless Block Public Access (RestrictPublicBuckets for policies, IgnorePublicAcls for ACLs, bucket or account level) neutralises it.',
    ko: '버킷 정책이 aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, aws:PrincipalAccount 조건 없이 보안 주체 "*"에 허용하거나, ACL이 AllUsers/AuthenticatedUsers에 권한을 주면 실패입니다. 단, 퍼블릭 액세스 차단(정책은 RestrictPublicBuckets, ACL은 IgnorePublicAcls, 버킷 또는 계정 수준)이 이를 무력화하면 예외입니다.',
  },
  remediation: {
    why: {
      en: "Anyone on the internet can list or download the bucket's objects.",
      ko: '인터넷의 누구나 버킷의 객체를 나열하거나 내려받을 수 있습니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Permissions → Bucket policy: remove the statements that allow "*" or add a condition such as aws:SourceVpce or aws:PrincipalOrgID; Access control list: remove the grants to Everyone and Authenticated users.',
        'Then turn on Block Public Access; to serve content publicly, use CloudFront with origin access control.',
      ],
      ko: [
        'S3 → 해당 버킷 → 권한 → 버킷 정책에서 "*"를 허용하는 문을 지우거나 aws:SourceVpce, aws:PrincipalOrgID 같은 조건을 추가하고, 액세스 제어 목록에서 모든 사람과 인증된 사용자 그룹에 대한 권한을 제거하세요.',
        '그다음 퍼블릭 액세스 차단을 켜세요. 콘텐츠를 공개로 제공하려면 원본 액세스 제어를 쓰는 CloudFront를 쓰세요.',
      ],
    },
    commands: [
      'aws s3api get-bucket-policy --bucket {{resourceId}}',
      'aws s3api put-bucket-acl --bucket {{resourceId}} --acl private',
      'aws s3api put-public-access-block --bucket {{resourceId}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ],
  },
  compliance: { fsbp: ['S3.2', 'S3.3'], ismsp: ['2.6.1', '2.6.2', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
  ],
  requires: ['s3.buckets', 's3.account-public-access-block'],
  requiresFields: { 's3.buckets': ['policy', 'aclGrants', 'publicAccessBlock'] },
  settings: {},
  evaluate(ctx) {
    const accountBlock = accountBlockOf(ctx.records('s3.account-public-access-block'));
    return perResource(ctx, 's3.buckets', (bucket) => bucketPublicVerdict(bucket, accountBlock));
  },
});
