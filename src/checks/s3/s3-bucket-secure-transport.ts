import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { deniesInsecureTransport } from '../lib/policy.js';
import { bucketSubject } from '../lib/s3.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 's3-bucket-secure-transport',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: { en: 'S3 bucket requires HTTPS', ko: 'S3 버킷이 HTTPS를 강제함' },
  failureLabel: { en: 'S3 buckets not requiring HTTPS', ko: 'HTTPS를 강제하지 않는 S3 버킷' },
  description: {
    en: 'A bucket policy statement that denies requests where aws:SecureTransport is false refuses plain-HTTP access. Fails when the policy has no such Deny (or there is no policy).',
    ko: 'aws:SecureTransport가 false인 요청을 거부하는 버킷 정책 문이 있으면 암호화되지 않은 HTTP 접근이 거부됩니다. 정책에 그런 Deny가 없거나 정책이 없으면 실패입니다.',
  },
  remediation: {
    en: 'Console: S3 → the bucket → Permissions → Bucket policy → Edit → add {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<BUCKET>","arn:aws:s3:::<BUCKET>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}} → Save. CLI: aws s3api get-bucket-policy --bucket <BUCKET> --query Policy --output text > policy.json, add the statement, then aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json',
    ko: '콘솔: S3 → 버킷 → 권한 → 버킷 정책 → 편집 → {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::<BUCKET>","arn:aws:s3:::<BUCKET>/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}} 문 추가 → 저장. CLI: aws s3api get-bucket-policy --bucket <BUCKET> --query Policy --output text > policy.json 으로 받아 문을 추가한 뒤 aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json',
  },
  docs: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
    'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
  ],
  requires: ['s3.buckets'],
  requiresFields: { 's3.buckets': ['policy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 's3.buckets', (bucket) => {
      if (bucket.policy === undefined) {
        return missingFromCollection(bucketSubject(bucket), { en: 'the bucket policy', ko: '버킷 정책이' });
      }
      return passOrFail(
        deniesInsecureTransport(bucket.policy),
        {
          en: `Bucket ${bucket.name} denies requests without TLS (aws:SecureTransport = false).`,
          ko: `버킷 ${bucket.name}은(는) TLS가 없는 요청을 거부합니다(aws:SecureTransport = false).`,
        },
        bucket.policy === null
          ? {
              en: `Bucket ${bucket.name} has no bucket policy, so plain-HTTP requests are not denied.`,
              ko: `버킷 ${bucket.name}에 버킷 정책이 없어 HTTP 요청이 거부되지 않습니다.`,
            }
          : {
              en: `Bucket ${bucket.name}: the bucket policy has no Deny on aws:SecureTransport = false.`,
              ko: `버킷 ${bucket.name}: 버킷 정책에 aws:SecureTransport = false에 대한 Deny가 없습니다.`,
            },
      );
    });
  },
});
