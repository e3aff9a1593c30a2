import { particle } from '../../core/korean.js';
import type { SqsQueue } from '../../core/records/sqs.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { publicAllowStatements, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS } from '../lib/policy.js';
import { defineCheck } from '../types.js';

const subject = (queue: SqsQueue) => ({ en: `Queue ${queue.queueName}`, ko: `대기열 ${queue.queueName}` });

export default defineCheck({
  id: 'sqs-queue-not-public',
  service: 'sqs',
  category: 'security',
  severity: 'high',
  title: { en: 'SQS queue is not public', ko: 'SQS 대기열이 공개되지 않음' },
  failureLabel: { en: 'Public SQS queues', ko: '누구나 접근할 수 있는 SQS 대기열' },
  description: {
    en: 'Fails when the queue policy allows principal "*" without a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceIp, so anyone can send, read or delete messages.',
    ko: '대기열 정책이 aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:SourceVpc, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp 조건 없이 보안 주체 "*"에 허용하면 누구나 메시지를 보내거나 읽거나 삭제할 수 있으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: "Anyone with any AWS account can send, receive or delete the queue's messages.",
      ko: '아무 AWS 계정으로나 대기열의 메시지를 보내거나 받거나 삭제할 수 있습니다.',
    },
    steps: {
      en: [
        'Amazon SQS → Queues → the queue → Edit → Access policy → remove the statement whose principal is "*", or add a condition such as "ArnEquals": {"aws:SourceArn": "<SOURCE_ARN>"} → Save.',
      ],
      ko: [
        'Amazon SQS → 대기열 → 해당 대기열 → 편집 → 액세스 정책 → 보안 주체가 "*"인 문을 삭제하거나 "ArnEquals": {"aws:SourceArn": "<SOURCE_ARN>"} 같은 조건을 추가 → 저장.',
      ],
    },
    commands: [
      'aws sqs get-queue-attributes --queue-url {{resourceId}} --attribute-names Policy --region {{region}}',
      'aws sqs set-queue-attributes --queue-url {{resourceId}} --attributes file://attributes.json --region {{region}}',
    ],
  },
  // ISMS-P: a policy open to everyone is an access-rights problem (2.5.6), not network access (2.6.1).
  compliance: { fsbp: ['SQS.3'], ismsp: ['2.5.6', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  ],
  requires: ['sqs.queues'],
  requiresFields: { 'sqs.queues': ['policy'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'sqs.queues', (queue) => {
      if (queue.policy === undefined) {
        return missingFromCollection(subject(queue), { en: 'the queue policy', ko: '대기열 정책이' });
      }
      const open = publicAllowStatements(queue.policy, RESOURCE_POLICY_RESTRICTING_CONDITION_KEYS);
      return passOrFail(
        open.length === 0,
        {
          en: `Queue ${queue.queueName}: no policy statement allows unrestricted "*".`,
          ko: `대기열 ${queue.queueName}: 제한 없이 "*"에 허용하는 정책 문이 없습니다.`,
        },
        {
          en: `Queue ${queue.queueName} is public: policy statement(s) ${open.join(', ')} allow "*" without a restricting condition.`,
          ko: `대기열 ${queue.queueName}${particle(queue.queueName, '이/가')} 공개되어 있습니다: 정책 문 ${open.join(', ')}${particle(open.join(', '), '이/가')} 제한 조건 없이 "*"에 허용합니다.`,
        },
        open.length > 0 ? { publicStatements: open.join(',') } : undefined,
      );
    });
  },
});
