import { particle } from '../../core/korean.js';
import type { KmsKey } from '../../core/records/kms.js';
import { missingFromCollection, passOrFail, perResource, type Verdict } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

const keyName = (key: KmsKey) => key.alias ?? key.keyId;

function notJudged(key: KmsKey): Verdict {
  const name = keyName(key);
  return {
    status: 'not_applicable',
    message: {
      en: `Key ${name} is not an enabled, customer-managed symmetric key (${key.keyManager}, ${key.keySpec}, ${key.keyState}).`,
      ko: `키 ${name}${particle(name, '은/는')} 활성화된 고객 관리형 대칭 키가 아닙니다(${key.keyManager}, ${key.keySpec}, ${key.keyState}).`,
    },
  };
}

export default defineCheck({
  id: 'kms-key-rotation-enabled',
  service: 'kms',
  category: 'security',
  severity: 'medium',
  title: { en: 'KMS keys rotate automatically', ko: 'KMS 키가 자동으로 교체됨' },
  failureLabel: { en: 'KMS keys without automatic rotation', ko: '자동 교체가 꺼진 KMS 키' },
  description: {
    en: 'Fails when an enabled, customer-managed SYMMETRIC_DEFAULT key has automatic key rotation turned off (GetKeyRotationStatus false).',
    ko: '활성화된 고객 관리형 SYMMETRIC_DEFAULT 키의 자동 키 교체가 꺼져 있으면(GetKeyRotationStatus가 false) 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without rotation the same key material protects data for years, so a compromise of that material exposes everything it ever encrypted.',
      ko: '교체하지 않으면 같은 키 구성 요소가 수년 동안 데이터를 보호하게 되어, 그 구성 요소가 유출되면 지금까지 암호화한 모든 데이터가 노출됩니다.',
    },
    steps: {
      en: [
        'AWS KMS → Customer managed keys → the key → Key rotation → Automatically rotate this KMS key → choose the period (default 365 days) → Save.',
        'Rotation keeps the key id and ARN and the old material for decryption: nothing that uses the key has to change.',
      ],
      ko: [
        'AWS KMS → 고객 관리형 키 → 해당 키 → 키 교체 → 이 KMS 키를 자동으로 교체 → 주기 선택(기본 365일) → 저장.',
        '교체해도 키 ID와 ARN은 그대로이고 이전 구성 요소로 복호화할 수 있어, 키를 쓰는 쪽은 바꿀 것이 없습니다.',
      ],
    },
    commands: ['aws kms enable-key-rotation --key-id {{resourceId}} --region {{region}}'],
    iac: { kind: 'terraform', code: 'enable_key_rotation = true' },
  },
  docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  compliance: { cis: ['3.6'], fsbp: ['KMS.4'], ismsp: ['2.7.2'] },
  requires: ['kms.keys'],
  requiresFields: { 'kms.keys': ['keyManager', 'rotationEnabled'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'kms.keys', (key) => {
      const judged =
        key.keyManager === 'CUSTOMER' && key.keySpec === 'SYMMETRIC_DEFAULT' && key.keyState === 'Enabled';
      if (!judged) return notJudged(key);
      const name = keyName(key);
      if (key.rotationEnabled === undefined) {
        if (key.origin && key.origin !== 'AWS_KMS') {
          return {
            status: 'not_applicable',
            message: {
              en: `Key ${name} has ${key.origin} key material, which KMS cannot rotate automatically.`,
              ko: `키 ${name}의 키 구성 요소는 ${key.origin}에서 왔으므로 KMS가 자동으로 교체할 수 없습니다.`,
            },
          };
        }
        return missingFromCollection(
          { en: `Key ${name}`, ko: `키 ${name}` },
          { en: 'the rotation status', ko: '교체 상태가' },
        );
      }
      return passOrFail(
        key.rotationEnabled,
        {
          en: `Key ${name} rotates automatically.`,
          ko: `키 ${name}${particle(name, '은/는')} 자동으로 교체됩니다.`,
        },
        {
          en: `Key ${name} does not rotate automatically.`,
          ko: `키 ${name}${particle(name, '은/는')} 자동 교체가 꺼져 있습니다.`,
        },
      );
    });
  },
});
