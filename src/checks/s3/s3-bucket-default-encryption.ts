import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 's3-bucket-default-encryption',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: { en: 'S3 bucket has default encryption', ko: 'S3 버킷에 기본 암호화가 설정됨' },
  description: {
    en: 'Fails when GetBucketEncryption returns no rule (ServerSideEncryptionConfigurationNotFoundError).',
    ko: 'GetBucketEncryption이 규칙을 반환하지 않으면(ServerSideEncryptionConfigurationNotFoundError) 실패입니다.',
  },
  remediation: {
    en: 'Console: S3 → the bucket → Properties → Default encryption → Edit → choose SSE-S3 or SSE-KMS (enable the bucket key for KMS) → Save. CLI: aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}\'',
    ko: '콘솔: S3 → 버킷 → 속성 → 기본 암호화 → 편집 → SSE-S3 또는 SSE-KMS 선택(KMS는 버킷 키 활성화) → 저장. CLI: aws s3api put-bucket-encryption --bucket <BUCKET> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}\'',
  },
  docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['encryption'] },
  settings: {},
  evaluate(ctx) {
    return ctx.records('s3.buckets').map((bucket): FindingDraft => {
      const resource = {
        resourceId: bucket.name,
        resourceArn: bucket.arn,
        resourceName: bucket.name,
        region: bucket.region,
      };
      if (bucket.encryption === undefined) {
        return {
          ...resource,
          status: 'unknown',
          message: {
            en: `Bucket ${bucket.name}: the encryption configuration is missing from the collection.`,
            ko: `버킷 ${bucket.name}: 수집 결과에 암호화 구성이 없습니다.`,
          },
        };
      }
      const algorithms = (bucket.encryption ?? []).map((rule) => rule.algorithm).filter(Boolean);
      if (algorithms.length === 0) {
        return {
          ...resource,
          status: 'fail',
          message: {
            en: `Bucket ${bucket.name} has no default encryption rule.`,
            ko: `버킷 ${bucket.name}에 기본 암호화 규칙이 없습니다.`,
          },
        };
      }
      return {
        ...resource,
        status: 'pass',
        details: { algorithms: algorithms.join(',') },
        message: {
          en: `Bucket ${bucket.name} encrypts new objects by default (${algorithms.join(', ')}).`,
          ko: `버킷 ${bucket.name}은(는) 새 객체를 기본으로 암호화합니다(${algorithms.join(', ')}).`,
        },
      };
    });
  },
});
