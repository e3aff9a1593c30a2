import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-default-encryption',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: { en: 'S3 bucket has default encryption', ko: 'S3 버킷에 기본 암호화가 설정됨' },
  failureLabel: { en: 'S3 buckets without default encryption', ko: '기본 암호화가 없는 S3 버킷' },
  description: {
    en: 'Fails when GetBucketEncryption returns no rule (ServerSideEncryptionConfigurationNotFoundError).',
    ko: 'GetBucketEncryption이 규칙을 반환하지 않으면(ServerSideEncryptionConfigurationNotFoundError) 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Objects uploaded without an encryption header are stored as sent; default encryption guarantees none are left unencrypted.',
      ko: '암호화 헤더 없이 올린 객체는 그대로 저장되므로, 기본 암호화를 켜야 암호화되지 않은 객체가 남지 않습니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Properties → Default encryption → Edit → SSE-S3 or SSE-KMS (enable the bucket key with KMS) → Save.',
      ],
      ko: ['S3 → 해당 버킷 → 속성 → 기본 암호화 → 편집 → SSE-S3 또는 SSE-KMS(KMS는 버킷 키 활성화) → 저장.'],
    },
    commands: [
      'aws s3api put-bucket-encryption --bucket {{resourceId}} --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}\'',
    ],
  },
  compliance: { ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['encryption'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      if (bucket.encryption === undefined) {
        return missingFromCollection(bucketSubject(bucket), {
          en: 'the encryption configuration',
          ko: '암호화 구성이',
        });
      }
      const algorithms = (bucket.encryption ?? []).map((rule) => rule.algorithm).filter(Boolean);
      const ok = algorithms.length > 0;
      return passOrFail(
        ok,
        {
          en: `Bucket ${bucket.name} encrypts new objects by default (${algorithms.join(', ')}).`,
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} 새 객체를 기본으로 암호화합니다(${algorithms.join(', ')}).`,
        },
        {
          en: `Bucket ${bucket.name} has no default encryption rule.`,
          ko: `버킷 ${bucket.name}에 기본 암호화 규칙이 없습니다.`,
        },
        ok ? { algorithms: algorithms.join(',') } : undefined,
      );
    });
  },
});
