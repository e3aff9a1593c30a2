import { particle } from '../../core/korean.js';
import { trailSubject } from '../lib/cloudtrail.js';
import { perResource } from '../lib/per-resource.js';
import { accountBlockOf, bucketPublicVerdict } from '../lib/s3-public.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'cloudtrail-bucket-not-public',
  service: 'cloudtrail',
  category: 'security',
  severity: 'critical',
  title: { en: "Trail's S3 bucket is not public", ko: '추적의 S3 버킷이 공개되어 있지 않음' },
  failureLabel: { en: 'Trails logging to a public bucket', ko: '공개된 버킷에 로그를 남기는 추적' },
  description: {
    en: "Trail logs show who did what in the account; in a public bucket anyone can read them, or change them. The trail's bucket is judged with the rule of s3-bucket-not-public (public policy or ACL, unless Block Public Access neutralises it). Unknown when the bucket was not among the collected buckets (for example, it belongs to another account).",
    ko: '추적 로그에는 계정에서 누가 무엇을 했는지가 담겨 있어, 버킷이 공개되어 있으면 누구나 읽거나 바꿀 수 있습니다. 추적의 버킷을 s3-bucket-not-public 규칙(퍼블릭 액세스 차단이 무력화하지 않는 공개 정책이나 ACL)으로 판단합니다. 수집된 버킷 중에 해당 버킷이 없으면(예: 다른 계정의 버킷) 알 수 없음으로 표시합니다.',
  },
  remediation: {
    why: {
      en: "Anyone on the internet can read the trail's logs, which show who did what in the account.",
      ko: '인터넷의 누구나 계정에서 누가 무엇을 했는지 보여 주는 추적 로그를 읽을 수 있습니다.',
    },
    steps: {
      en: [
        "S3 → the trail's bucket → Permissions → Bucket policy: keep only the statements CloudTrail needs (principal cloudtrail.amazonaws.com with an aws:SourceArn condition); Access control list: remove the grants to Everyone and Authenticated users.",
        'Then turn on Block Public Access for the bucket.',
      ],
      ko: [
        'S3 → 추적의 버킷 → 권한 → 버킷 정책에서 CloudTrail에 필요한 문(보안 주체 cloudtrail.amazonaws.com, aws:SourceArn 조건)만 남기고, 액세스 제어 목록에서 모든 사람과 인증된 사용자 그룹에 대한 권한을 제거하세요.',
        '그다음 버킷의 퍼블릭 액세스 차단을 켜세요.',
      ],
    },
    commands: [
      'aws s3api put-bucket-acl --bucket {{details.bucket}} --acl private',
      'aws s3api put-public-access-block --bucket {{details.bucket}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ],
  },
  compliance: { fsbp: ['CloudTrail.6'], ismsp: ['2.6.1', '2.9.4', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  requires: ['cloudtrail.trails', 's3.buckets', 's3.account-public-access-block'],
  settings: {},
  evaluate(ctx) {
    const buckets = new Map(ctx.records('s3.buckets').map((b) => [b.name, b]));
    const accountBlock = accountBlockOf(ctx.records('s3.account-public-access-block'));
    return perResource(ctx, 'cloudtrail.trails', (trail) => {
      const s = trailSubject(trail);
      const bucket = trail.s3BucketName ? buckets.get(trail.s3BucketName) : undefined;
      if (!bucket) {
        return {
          status: 'unknown',
          details: { bucket: trail.s3BucketName ?? null },
          message: {
            en: `${s.en}: its bucket ${trail.s3BucketName ?? '(none)'} is not among the collected buckets (it may belong to another account).`,
            ko: `${s.ko}: 버킷 ${trail.s3BucketName ?? '(없음)'}${particle(trail.s3BucketName ?? '(없음)', '이/가')} 수집된 버킷 중에 없습니다(다른 계정의 버킷일 수 있습니다).`,
          },
        };
      }
      const verdict = bucketPublicVerdict(bucket, accountBlock);
      return {
        ...verdict,
        details: { ...verdict.details, bucket: bucket.name },
        message: { en: `${s.en}: ${verdict.message.en}`, ko: `${s.ko}: ${verdict.message.ko}` },
      };
    });
  },
});
