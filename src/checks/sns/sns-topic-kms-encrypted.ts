import { particle } from '../../core/korean.js';
import type { SnsTopic } from '../../core/records/sns.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

const subject = (topic: SnsTopic) => ({ en: `Topic ${topic.topicName}`, ko: `주제 ${topic.topicName}` });

export default defineCheck({
  id: 'sns-topic-kms-encrypted',
  service: 'sns',
  category: 'security',
  severity: 'low',
  title: { en: 'SNS topic is encrypted with KMS', ko: 'SNS 주제가 KMS로 암호화됨' },
  failureLabel: { en: 'SNS topics without KMS encryption', ko: 'KMS 암호화가 없는 SNS 주제' },
  description: {
    en: 'Fails when the topic attribute KmsMasterKeyId is empty: messages are stored unencrypted at rest.',
    ko: '주제 속성 KmsMasterKeyId가 비어 있으면 메시지가 암호화되지 않은 채 저장되므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Messages wait on SNS storage unencrypted by a key you control, so anyone able to read that storage or the topic can read them.',
      ko: 'SNS에 저장된 메시지가 통제하는 키로 암호화되지 않아, 저장소나 주제를 읽을 수 있는 누구나 메시지를 읽을 수 있습니다.',
    },
    steps: {
      en: [
        'Amazon SNS → Topics → the topic → Edit → Encryption → Enable encryption → choose a KMS key (alias/aws/sns or a customer managed key) → Save changes.',
      ],
      ko: [
        'Amazon SNS → 주제 → 해당 주제 → 편집 → 암호화 → 암호화 활성화 → KMS 키(alias/aws/sns 또는 고객 관리형 키) 선택 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws sns set-topic-attributes --topic-arn {{resourceId}} --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns --region {{region}}',
    ],
  },
  compliance: { fsbp: ['SNS.1'], ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'],
  requires: ['sns.topics'],
  requiresFields: { 'sns.topics': ['kmsMasterKeyId'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'sns.topics', (topic) => {
      if (topic.kmsMasterKeyId === undefined) {
        return missingFromCollection(subject(topic), { en: 'the KMS key attribute', ko: 'KMS 키 속성이' });
      }
      return passOrFail(
        topic.kmsMasterKeyId !== null,
        {
          en: `Topic ${topic.topicName} is encrypted with KMS key ${topic.kmsMasterKeyId}.`,
          ko: `주제 ${topic.topicName}${particle(topic.topicName, '은/는')} KMS 키 ${topic.kmsMasterKeyId}${particle(topic.kmsMasterKeyId ?? undefined, '으로/로')} 암호화됩니다.`,
        },
        {
          en: `Topic ${topic.topicName} has no KMS key: messages are not encrypted at rest.`,
          ko: `주제 ${topic.topicName}에 KMS 키가 없어 메시지가 저장 시 암호화되지 않습니다.`,
        },
        topic.kmsMasterKeyId ? { kmsMasterKeyId: topic.kmsMasterKeyId } : undefined,
      );
    });
  },
});
