import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-intelligent-tiering',
  service: 's3',
  category: 'cost',
  severity: 'low',
  title: { en: 'S3 bucket uses Intelligent-Tiering', ko: 'S3 버킷이 Intelligent-Tiering을 사용함' },
  failureLabel: {
    en: 'S3 buckets not using Intelligent-Tiering',
    ko: 'Intelligent-Tiering을 쓰지 않는 S3 버킷',
  },
  description: {
    en: 'S3 Intelligent-Tiering moves objects between access tiers automatically as access patterns change. Fails when no enabled lifecycle rule transitions objects to INTELLIGENT_TIERING and the bucket has no enabled Intelligent-Tiering configuration.',
    ko: 'S3 Intelligent-Tiering은 접근 패턴에 따라 객체를 액세스 계층 사이로 자동으로 옮깁니다. INTELLIGENT_TIERING으로 전환하는 활성 수명 주기 규칙도, 활성 Intelligent-Tiering 구성도 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Objects that are rarely read keep paying the Standard price; Intelligent-Tiering moves them to cheaper tiers automatically.',
      ko: '거의 읽지 않는 객체도 Standard 요금을 계속 내는데, Intelligent-Tiering은 이런 객체를 자동으로 저렴한 계층으로 옮깁니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Management → Create lifecycle rule → Move current versions of objects between storage classes → Intelligent-Tiering after 0 days → Create.',
        'Objects under 128 KB are not tiered.',
      ],
      ko: [
        'S3 → 해당 버킷 → 관리 → 수명 주기 규칙 생성 → 객체의 현재 버전을 스토리지 클래스 간에 이동 → 0일 후 Intelligent-Tiering → 생성.',
        '128KB 미만 객체는 계층 이동 대상이 아닙니다.',
      ],
    },
    commands: [
      'aws s3api put-bucket-lifecycle-configuration --bucket {{resourceId}} --lifecycle-configuration \'{"Rules":[{"ID":"to-intelligent-tiering","Status":"Enabled","Filter":{},"Transitions":[{"Days":0,"StorageClass":"INTELLIGENT_TIERING"}]}]}\'',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/intelligent-tiering.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html',
  ],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['lifecycleRules', 'intelligentTieringConfigurations'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      const tieringRules = (bucket.lifecycleRules ?? [])
        .filter((rule) => rule.status === 'Enabled')
        .filter((rule) =>
          rule.transitions.some((t) => t.storageClass.toUpperCase() === 'INTELLIGENT_TIERING'),
        );
      const configs = (bucket.intelligentTieringConfigurations ?? []).filter((c) => c.status === 'Enabled');
      const how = [
        ...tieringRules.map((r) => `lifecycle rule ${r.id ?? '(unnamed)'}`),
        ...configs.map((c) => `configuration ${c.id}`),
      ].join(', ');
      // An enabled tiering rule or configuration passes even if the other field was not collected.
      if (
        !how &&
        (bucket.lifecycleRules === undefined || bucket.intelligentTieringConfigurations === undefined)
      ) {
        return missingFromCollection(bucketSubject(bucket), {
          en: 'the lifecycle or Intelligent-Tiering configuration',
          ko: '수명 주기 또는 Intelligent-Tiering 구성이',
        });
      }
      return passOrFail(
        how !== '',
        {
          en: `Bucket ${bucket.name} uses Intelligent-Tiering (${how}).`,
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} Intelligent-Tiering을 사용합니다(${how}).`,
        },
        {
          en: `Bucket ${bucket.name} has no enabled lifecycle transition to INTELLIGENT_TIERING and no enabled Intelligent-Tiering configuration.`,
          ko: `버킷 ${bucket.name}에 INTELLIGENT_TIERING으로 전환하는 활성 수명 주기 규칙과 활성 Intelligent-Tiering 구성이 없습니다.`,
        },
      );
    });
  },
});
