import { particle } from '../../core/korean.js';
import { passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'logs-log-group-kms-encrypted',
  service: 'logs',
  category: 'security',
  severity: 'low',
  title: { en: 'Log group is encrypted with a KMS key', ko: '로그 그룹이 KMS 키로 암호화됨' },
  failureLabel: { en: 'Log groups without a KMS key', ko: 'KMS 키가 없는 로그 그룹' },
  description: {
    en: 'Fails when the log group has no kmsKeyId: its events are encrypted only with a key CloudWatch Logs owns, which you cannot control, audit or revoke.',
    ko: '로그 그룹에 kmsKeyId가 없으면 CloudWatch Logs가 소유한 키로만 암호화되어 키를 통제하거나 감사하거나 폐기할 수 없으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Events are encrypted only with a key CloudWatch Logs owns, which you cannot control, audit or revoke.',
      ko: '이벤트가 CloudWatch Logs가 소유한 키로만 암호화되어 키를 통제하거나 감사하거나 폐기할 수 없습니다.',
    },
    steps: {
      en: [
        'Make sure the KMS key policy allows the service principal logs.{{region}}.amazonaws.com.',
        'CloudWatch → Logs → Log groups → the log group → Actions → Associate KMS key → enter the key ARN → Associate.',
      ],
      ko: [
        'KMS 키 정책이 서비스 보안 주체(`logs.{{region}}.amazonaws.com`)를 허용하는지 확인하세요.',
        'CloudWatch → 로그 → 로그 그룹 → 해당 로그 그룹 → 작업 → KMS 키 연결 → 키 ARN 입력 → 연결.',
      ],
    },
    commands: [
      'aws logs associate-kms-key --log-group-name {{resourceId}} --kms-key-id <KMS_KEY_ARN> --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
  requires: ['logs.log-groups'],
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'logs.log-groups', (group) =>
      passOrFail(
        Boolean(group.kmsKeyId),
        {
          en: `Log group ${group.logGroupName} is encrypted with KMS key ${group.kmsKeyId}.`,
          ko: `로그 그룹 ${group.logGroupName}${particle(group.logGroupName, '은/는')} KMS 키 ${group.kmsKeyId}${particle(group.kmsKeyId, '으로/로')} 암호화됩니다.`,
        },
        {
          en: `Log group ${group.logGroupName} has no KMS key.`,
          ko: `로그 그룹 ${group.logGroupName}에 KMS 키가 없습니다.`,
        },
      ),
    );
  },
});
