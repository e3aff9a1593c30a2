import { particle } from '../../core/korean.js';
import { trailSubject } from '../lib/cloudtrail.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'cloudtrail-kms-encrypted',
  service: 'cloudtrail',
  category: 'security',
  severity: 'medium',
  title: { en: 'Trail logs are encrypted with a KMS key', ko: '추적 로그가 KMS 키로 암호화됨' },
  failureLabel: { en: 'Trails without KMS encryption', ko: 'KMS 암호화가 없는 추적' },
  description: {
    en: "With SSE-KMS, reading the trail's log files needs kms:Decrypt on your key as well as S3 access, and every use of the key is itself logged. Fails when the trail has no KmsKeyId.",
    ko: 'SSE-KMS를 쓰면 추적 로그 파일을 읽는 데 S3 권한 외에 고객 키에 대한 kms:Decrypt 권한도 필요하며, 키를 쓸 때마다 그 사용도 기록됩니다. 추적에 KmsKeyId가 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without SSE-KMS, anyone who can read the bucket can read the logs; a KMS key adds a second, audited permission.',
      ko: 'SSE-KMS가 없으면 버킷을 읽을 수 있는 누구나 로그를 읽을 수 있습니다. KMS 키를 쓰면 감사되는 권한이 하나 더 필요해집니다.',
    },
    steps: {
      en: [
        'Choose or create a KMS key whose key policy lets CloudTrail use it.',
        'CloudTrail → Trails → the trail → General details → Edit → Log file SSE-KMS encryption: Enabled → choose the key → Save changes.',
      ],
      ko: [
        '키 정책에서 CloudTrail의 사용을 허용하는 KMS 키를 고르거나 새로 만드세요.',
        'CloudTrail → 추적 → 해당 추적 → 일반 세부 정보 → 편집 → 로그 파일 SSE-KMS 암호화: 활성화 → 키 선택 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws cloudtrail update-trail --name {{resourceId}} --kms-key-id <KEY_ARN> --region {{region}}',
    ],
  },
  compliance: { cis: ['3.5'], fsbp: ['CloudTrail.2'], ismsp: ['2.7.1', '2.9.4'] },
  docs: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  ],
  requires: ['cloudtrail.trails'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'cloudtrail.trails', (trail) => {
      const s = trailSubject(trail);
      return passOrFail(
        trail.kmsKeyId !== undefined,
        {
          en: `${s.en}: log files are encrypted with KMS key ${trail.kmsKeyId ?? ''}.`,
          ko: `${s.ko}: 로그 파일이 KMS 키 ${trail.kmsKeyId ?? ''}${particle(trail.kmsKeyId ?? '', '으로/로')} 암호화됩니다.`,
        },
        {
          en: `${s.en}: log files are not encrypted with a KMS key (only S3's default encryption applies).`,
          ko: `${s.ko}: 로그 파일이 KMS 키로 암호화되지 않습니다(S3 기본 암호화만 적용됩니다).`,
        },
      );
    });
  },
});
