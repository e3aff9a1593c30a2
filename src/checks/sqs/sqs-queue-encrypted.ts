import { particle } from '../../core/korean.js';
import type { SqsQueue } from '../../core/records/sqs.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

const subject = (queue: SqsQueue) => ({ en: `Queue ${queue.queueName}`, ko: `대기열 ${queue.queueName}` });

export default defineCheck({
  id: 'sqs-queue-encrypted',
  service: 'sqs',
  category: 'security',
  severity: 'low',
  title: { en: 'SQS queue is encrypted at rest', ko: 'SQS 대기열이 저장 시 암호화됨' },
  failureLabel: { en: 'Unencrypted SQS queues', ko: '암호화되지 않은 SQS 대기열' },
  description: {
    en: 'Fails when the queue has no KmsMasterKeyId and SqsManagedSseEnabled is not true: messages are stored unencrypted.',
    ko: '대기열에 KmsMasterKeyId가 없고 SqsManagedSseEnabled도 true가 아니면 메시지가 암호화되지 않은 채 저장되므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Messages are stored unencrypted, so anyone able to read the underlying storage can read them.',
      ko: '메시지가 암호화되지 않은 채 저장되어, 저장소를 읽을 수 있는 누구나 메시지를 읽을 수 있습니다.',
    },
    steps: {
      en: [
        'Amazon SQS → Queues → the queue → Edit → Encryption → Server-side encryption: Enabled → Amazon SQS key (SSE-SQS) or AWS KMS key (SSE-KMS) → Save.',
      ],
      ko: [
        'Amazon SQS → 대기열 → 해당 대기열 → 편집 → 암호화 → 서버 측 암호화: 활성화 → Amazon SQS 키(SSE-SQS) 또는 AWS KMS 키(SSE-KMS) 선택 → 저장.',
      ],
    },
    commands: [
      'aws sqs set-queue-attributes --queue-url {{resourceId}} --attributes SqsManagedSseEnabled=true --region {{region}}',
    ],
  },
  compliance: { fsbp: ['SQS.1'], ismsp: ['2.7.1'] },
  docs: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  ],
  requires: ['sqs.queues'],
  requiresFields: { 'sqs.queues': ['kmsMasterKeyId', 'sqsManagedSseEnabled'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'sqs.queues', (queue) => {
      if (queue.kmsMasterKeyId === undefined || queue.sqsManagedSseEnabled === undefined) {
        return missingFromCollection(subject(queue), {
          en: 'the encryption attributes',
          ko: '암호화 속성이',
        });
      }
      const how = queue.kmsMasterKeyId ? `SSE-KMS ${queue.kmsMasterKeyId}` : 'SSE-SQS';
      return passOrFail(
        queue.kmsMasterKeyId !== null || queue.sqsManagedSseEnabled,
        {
          en: `Queue ${queue.queueName} is encrypted at rest (${how}).`,
          ko: `대기열 ${queue.queueName}${particle(queue.queueName, '은/는')} 저장 시 암호화됩니다(${how}).`,
        },
        {
          en: `Queue ${queue.queueName} has neither a KMS key nor SQS-managed encryption.`,
          ko: `대기열 ${queue.queueName}에 KMS 키도 SQS 관리형 암호화도 없습니다.`,
        },
      );
    });
  },
});
