import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-versioning-enabled',
  service: 's3',
  category: 'fault_tolerance',
  severity: 'medium',
  title: { en: 'S3 bucket versioning is enabled', ko: 'S3 버킷 버전 관리가 활성화됨' },
  failureLabel: { en: 'S3 buckets without versioning', ko: '버전 관리가 꺼진 S3 버킷' },
  description: {
    en: 'Versioning keeps every version of an object so overwritten or deleted data can be recovered. Fails when the status is not Enabled (never enabled, or Suspended).',
    ko: '버전 관리는 객체의 모든 버전을 보관해 덮어쓰거나 삭제된 데이터를 복구할 수 있게 합니다. 상태가 "Enabled"가 아니면(미설정 또는 "Suspended") 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without versioning, an overwritten or deleted object is gone for good, by mistake or by ransomware.',
      ko: '버전 관리가 없으면 실수나 랜섬웨어로 덮어쓰거나 삭제한 객체를 되살릴 수 없습니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Properties → Bucket Versioning → Edit → Enable → Save.',
        'Add a lifecycle rule that expires noncurrent versions to bound the cost.',
      ],
      ko: [
        'S3 → 해당 버킷 → 속성 → 버킷 버전 관리 → 편집 → 활성화 → 저장.',
        '비용이 늘지 않도록 이전 버전을 만료하는 수명 주기 규칙도 추가하세요.',
      ],
    },
    commands: [
      'aws s3api put-bucket-versioning --bucket {{resourceId}} --versioning-configuration Status=Enabled',
    ],
  },
  compliance: { fsbp: ['S3.14'], ismsp: ['2.9.3'] },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['versioning'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      if (!bucket.versioning) {
        return missingFromCollection(bucketSubject(bucket), {
          en: 'the versioning status',
          ko: '버전 관리 상태가',
        });
      }
      const status = bucket.versioning.status;
      return passOrFail(
        status === 'Enabled',
        {
          en: `Bucket ${bucket.name} has versioning enabled.`,
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 버전 관리가 활성화되어 있습니다.`,
        },
        {
          en: `Bucket ${bucket.name} versioning is ${status === 'Suspended' ? 'suspended' : 'not enabled'}.`,
          ko: `버킷 ${bucket.name}의 버전 관리가 ${status === 'Suspended' ? '일시 중지되어 있습니다' : '활성화되어 있지 않습니다'}.`,
        },
        { versioning: status },
      );
    });
  },
});
