import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { publicAllowStatements, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS } from '../lib/policy.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'kms-key-policy-not-public',
  service: 'kms',
  category: 'security',
  severity: 'critical',
  title: { en: 'KMS key policies are not public', ko: 'KMS 키 정책이 공개되지 않음' },
  failureLabel: { en: 'KMS keys with a public key policy', ko: '누구나 사용할 수 있는 KMS 키 정책' },
  description: {
    en: 'Fails when a customer-managed key policy allows principal "*" without a condition on aws:SourceAccount, aws:SourceOwner, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceIp. AWS-managed keys have policies AWS writes and are not judged.',
    ko: '고객 관리형 키의 정책이 aws:SourceAccount, aws:SourceOwner, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp 조건 없이 보안 주체 "*"에 허용하면 실패입니다. AWS 관리형 키의 정책은 AWS가 작성하므로 판단하지 않습니다.',
  },
  remediation: {
    why: {
      en: 'Any AWS account can use the key as the policy allows — to decrypt data, or to encrypt with it, or to change it.',
      ko: '아무 AWS 계정이나 정책이 허용하는 대로 이 키를 사용해 데이터를 복호화하거나 암호화하고, 키를 변경할 수도 있습니다.',
    },
    steps: {
      en: [
        'AWS KMS → Customer managed keys → the key → Key policy → Edit → replace principal "*" with the accounts or roles that need the key, or add a condition such as "StringEquals": {"aws:PrincipalAccount": "{{accountId}}"} → Save changes.',
      ],
      ko: [
        'AWS KMS → 고객 관리형 키 → 해당 키 → 키 정책 → 편집 → 보안 주체 "*"를 키가 필요한 계정이나 역할로 바꾸거나 "StringEquals": {"aws:PrincipalAccount": "{{accountId}}"} 같은 조건을 추가 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws kms get-key-policy --key-id {{resourceId}} --policy-name default --output text --region {{region}}',
      'aws kms put-key-policy --key-id {{resourceId}} --policy-name default --policy file://key-policy.json --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
  ],
  compliance: { fsbp: ['KMS.5'], ismsp: ['2.7.2', '2.10.2'] },
  requires: ['kms.keys'],
  requiresFields: { 'kms.keys': ['keyManager', 'policy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'kms.keys', (key) => {
      const name = key.alias ?? key.keyId;
      const subject = { en: `Key ${name}`, ko: `키 ${name}` };
      if (key.keyManager === undefined)
        return missingFromCollection(subject, { en: 'the key manager', ko: '관리 주체가' });
      if (key.keyManager !== 'CUSTOMER') {
        return {
          status: 'not_applicable',
          message: {
            en: `Key ${name} is managed by AWS, which writes its policy.`,
            ko: `키 ${name}${particle(name, '은/는')} AWS가 관리하며 정책도 AWS가 작성합니다.`,
          },
        };
      }
      if (key.policy === undefined)
        return missingFromCollection(subject, { en: 'the key policy', ko: '키 정책이' });
      const open = publicAllowStatements(key.policy, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS);
      const list = open.join(', ');
      return passOrFail(
        open.length === 0,
        {
          en: `Key ${name}: no policy statement allows unrestricted "*".`,
          ko: `키 ${name}: 제한 없이 "*"에 허용하는 정책 문이 없습니다.`,
        },
        {
          en: `Key ${name} is public: policy statement(s) ${list} allow "*" without a restricting condition.`,
          ko: `키 ${name}의 정책이 공개되어 있습니다: 정책 문 ${list}${particle(list, '이/가')} 제한 조건 없이 "*"에 허용합니다.`,
        },
        open.length > 0 ? { publicStatements: open.join(',') } : undefined,
      );
    });
  },
});
