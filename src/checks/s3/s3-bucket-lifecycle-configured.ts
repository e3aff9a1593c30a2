import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-lifecycle-configured',
  service: 's3',
  category: 'cost',
  severity: 'low',
  title: { en: 'S3 bucket has an enabled lifecycle rule', ko: 'S3 버킷에 활성 수명 주기 규칙이 있음' },
  failureLabel: { en: 'S3 buckets without a lifecycle rule', ko: '수명 주기 규칙이 없는 S3 버킷' },
  description: {
    en: 'Lifecycle rules move ageing objects to cheaper storage classes and expire what is no longer needed. Fails when the bucket has no enabled lifecycle rule.',
    ko: '수명 주기 규칙은 오래된 객체를 더 저렴한 스토리지 클래스로 옮기고 필요 없는 객체를 만료합니다. 활성화된 수명 주기 규칙이 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without lifecycle rules, old objects, old versions and abandoned multipart uploads are kept, and billed, forever.',
      ko: '수명 주기 규칙이 없으면 오래된 객체와 이전 버전, 중단된 멀티파트 업로드가 영원히 보관되고 과금됩니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Management → Create lifecycle rule → choose the scope, add transitions (for example Standard-IA after 30 days, Glacier after 90) and expirations, including noncurrent versions and incomplete multipart uploads → Create.',
      ],
      ko: [
        'S3 → 해당 버킷 → 관리 → 수명 주기 규칙 생성 → 범위를 고르고 전환(예: 30일 후 Standard-IA, 90일 후 Glacier)과 만료(이전 버전, 완료되지 않은 멀티파트 업로드 포함)를 추가 → 생성.',
      ],
    },
    commands: [
      'aws s3api put-bucket-lifecycle-configuration --bucket {{resourceId}} --lifecycle-configuration \'{"Rules":[{"ID":"abort-incomplete-uploads","Status":"Enabled","Filter":{},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}}]}\'',
    ],
  },
  compliance: { fsbp: ['S3.13'] },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html'],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['lifecycleRules'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      if (!bucket.lifecycleRules) {
        return missingFromCollection(bucketSubject(bucket), {
          en: 'the lifecycle configuration',
          ko: '수명 주기 구성이',
        });
      }
      const total = bucket.lifecycleRules.length;
      const enabled = bucket.lifecycleRules.filter((rule) => rule.status === 'Enabled').length;
      return passOrFail(
        enabled > 0,
        {
          en: `Bucket ${bucket.name} has ${enabled} enabled lifecycle rule(s).`,
          ko: `버킷 ${bucket.name}에 활성 수명 주기 규칙이 ${enabled}개 있습니다.`,
        },
        {
          en: `Bucket ${bucket.name} has no enabled lifecycle rule (${total} rule(s), all disabled or none).`,
          ko: `버킷 ${bucket.name}에 활성 수명 주기 규칙이 없습니다(규칙 ${total}개, 모두 비활성 또는 없음).`,
        },
        { lifecycleRules: total, enabledLifecycleRules: enabled },
      );
    });
  },
});
