import { particle } from '../../core/korean.js';
import type { SnsTopic } from '../../core/records/sns.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { publicAllowStatements, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS } from '../lib/policy.js';
import { defineCheck } from '../types.js';

const subject = (topic: SnsTopic) => ({ en: `Topic ${topic.topicName}`, ko: `주제 ${topic.topicName}` });

export default defineCheck({
  id: 'sns-topic-not-public',
  service: 'sns',
  category: 'security',
  severity: 'high',
  title: { en: 'SNS topic is not public', ko: 'SNS 주제가 공개되지 않음' },
  failureLabel: { en: 'Public SNS topics', ko: '누구나 접근할 수 있는 SNS 주제' },
  description: {
    en: 'Fails when the topic policy allows principal "*" without a condition on aws:SourceOwner, aws:SourceAccount, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceIp, so anyone can publish to or subscribe to the topic.',
    ko: '주제 정책이 aws:SourceOwner, aws:SourceAccount, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp 조건 없이 보안 주체 "*"에 허용하면 누구나 주제에 게시하거나 구독할 수 있으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Anyone with any AWS account can publish to or subscribe to the topic, injecting messages or reading what it sends.',
      ko: '아무 AWS 계정으로나 주제에 게시하거나 구독할 수 있어 메시지를 끼워 넣거나 전달되는 내용을 읽을 수 있습니다.',
    },
    steps: {
      en: [
        'Amazon SNS → Topics → the topic → Edit → Access policy → remove the statement whose principal is "*", or add a condition such as "StringEquals": {"AWS:SourceOwner": "{{accountId}}"} → Save changes.',
      ],
      ko: [
        'Amazon SNS → 주제 → 해당 주제 → 편집 → 액세스 정책 → 보안 주체가 "*"인 문을 삭제하거나 "StringEquals": {"AWS:SourceOwner": "{{accountId}}"} 같은 조건을 추가 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws sns get-topic-attributes --topic-arn {{resourceId}} --query Attributes.Policy --output text --region {{region}}',
      'aws sns set-topic-attributes --topic-arn {{resourceId}} --attribute-name Policy --attribute-value file://policy.json --region {{region}}',
    ],
  },
  // ISMS-P: a policy open to everyone is an access-rights problem (2.5.6), not network access (2.6.1).
  compliance: { fsbp: ['SNS.4'], ismsp: ['2.5.6', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html',
    'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
  ],
  requires: ['sns.topics'],
  requiresFields: { 'sns.topics': ['policy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'sns.topics', (topic) => {
      if (topic.policy === undefined) {
        return missingFromCollection(subject(topic), { en: 'the topic policy', ko: '주제 정책이' });
      }
      const open = publicAllowStatements(topic.policy, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS);
      return passOrFail(
        open.length === 0,
        {
          en: `Topic ${topic.topicName}: no policy statement allows unrestricted "*".`,
          ko: `주제 ${topic.topicName}: 제한 없이 "*"에 허용하는 정책 문이 없습니다.`,
        },
        {
          en: `Topic ${topic.topicName} is public: policy statement(s) ${open.join(', ')} allow "*" without a restricting condition.`,
          ko: `주제 ${topic.topicName}${particle(topic.topicName, '이/가')} 공개되어 있습니다: 정책 문 ${open.join(', ')}${particle(open.join(', '), '이/가')} 제한 조건 없이 "*"에 허용합니다.`,
        },
        open.length > 0 ? { publicStatements: open.join(',') } : undefined,
      );
    });
  },
});
