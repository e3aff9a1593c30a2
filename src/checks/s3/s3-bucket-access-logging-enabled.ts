import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-access-logging-enabled',
  service: 's3',
  category: 'security',
  severity: 'low',
  title: { en: 'S3 bucket server access logging is enabled', ko: 'S3 버킷 서버 액세스 로깅이 활성화됨' },
  failureLabel: { en: 'S3 buckets without server access logging', ko: '서버 액세스 로깅이 꺼진 S3 버킷' },
  description: {
    en: 'Server access logs record every request to the bucket, which investigations and audits need. Fails when the bucket has no logging target.',
    ko: '서버 액세스 로그는 버킷에 대한 모든 요청을 기록하며 조사와 감사에 필요합니다. 로깅 대상이 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without access logs there is no record of who read or changed which object when investigating an incident.',
      ko: '액세스 로그가 없으면 사고를 조사할 때 누가 어떤 객체를 읽거나 바꿨는지 기록이 없습니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Properties → Server access logging → Edit → Enable → a destination bucket in the same region (not the bucket itself) → Save.',
      ],
      ko: [
        'S3 → 해당 버킷 → 속성 → 서버 액세스 로깅 → 편집 → 활성화 → 같은 리전의 대상 버킷(자기 자신 제외) 선택 → 저장.',
      ],
    },
    commands: [
      'aws s3api put-bucket-logging --bucket {{resourceId}} --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"{{resourceId}}/"}}\'',
    ],
  },
  // Not CIS 3.4: that asks only for the CloudTrail bucket's logging; this check judges every bucket.
  compliance: { fsbp: ['S3.9'], ismsp: ['2.9.4'] },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html'],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['logging'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      if (bucket.logging === undefined) {
        return missingFromCollection(bucketSubject(bucket), {
          en: 'the logging configuration',
          ko: '로깅 구성이',
        });
      }
      const target = bucket.logging?.targetBucket;
      return passOrFail(
        Boolean(target),
        {
          en: `Bucket ${bucket.name} writes server access logs to ${target}.`,
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 서버 액세스 로그를 ${target}에 기록합니다.`,
        },
        {
          en: `Bucket ${bucket.name} has no server access logging target.`,
          ko: `버킷 ${bucket.name}에 서버 액세스 로깅 대상이 없습니다.`,
        },
        target ? { targetBucket: target } : undefined,
      );
    });
  },
});
