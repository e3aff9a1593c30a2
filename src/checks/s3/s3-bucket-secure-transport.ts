import { particle } from '../../core/korean.js';
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
    ko: 'aws:SecureTransport가 false인 요청을 거부하는 버킷 정책 문이 있으면 암호화되지 않은 HTTP 접근이 거부됩니다. 정책에 그런 거부("Deny") 문이 없거나 정책이 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: "Without a policy that denies plain HTTP, clients may send and receive the bucket's data unencrypted on the network.",
      ko: '일반 HTTP를 거부하는 정책이 없으면 클라이언트가 버킷의 데이터를 네트워크에서 암호화하지 않은 채 주고받을 수 있습니다.',
    },
    steps: {
      en: [
        'S3 → the bucket → Permissions → Bucket policy → Edit → add a statement that denies s3:* when aws:SecureTransport is false (below) → Save.',
        'The statement: {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{resourceId}}","arn:aws:s3:::{{resourceId}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
      ],
      ko: [
        'S3 → 해당 버킷 → 권한 → 버킷 정책 → 편집 → aws:SecureTransport가 false이면 s3:*를 거부하는 문(아래)을 추가 → 저장.',
        '추가할 문: {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{resourceId}}","arn:aws:s3:::{{resourceId}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
      ],
    },
    commands: [
      'aws s3api get-bucket-policy --bucket {{resourceId}} --query Policy --output text > policy.json',
      'aws s3api put-bucket-policy --bucket {{resourceId}} --policy file://policy.json',
    ],
  },
  // ISMS-P: encryption in transit is 2.7.1; 2.10.5 is about transfers agreed with other organizations.
  compliance: { cis: ['2.1.1'], fsbp: ['S3.5'], ismsp: ['2.7.1'] },
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
          ko: `버킷 ${bucket.name}${particle(bucket.name, '은/는')} TLS가 없는 요청을 거부합니다(aws:SecureTransport = false).`,
        },
        bucket.policy === null
          ? {
              en: `Bucket ${bucket.name} has no bucket policy, so plain-HTTP requests are not denied.`,
              ko: `버킷 ${bucket.name}에 버킷 정책이 없어 HTTP 요청이 거부되지 않습니다.`,
            }
          : {
              en: `Bucket ${bucket.name}: the bucket policy has no Deny on aws:SecureTransport = false.`,
              ko: `버킷 ${bucket.name}: 버킷 정책에 aws:SecureTransport = false일 때 거부하는 문("Deny")이 없습니다.`,
            },
      );
    });
  },
});
