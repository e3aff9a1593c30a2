import { particle } from '../../core/korean.js';
import { missingFromCollection, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'kms-key-not-pending-deletion',
  service: 'kms',
  category: 'fault_tolerance',
  severity: 'high',
  title: { en: 'KMS keys are not scheduled for deletion', ko: 'KMS 키가 삭제 예약되지 않음' },
  failureLabel: { en: 'KMS keys scheduled for deletion', ko: '삭제가 예약된 KMS 키' },
  description: {
    en: 'Warns when a customer-managed key is in PendingDeletion: once deleted, everything encrypted with it can never be decrypted again.',
    ko: '고객 관리형 키가 PendingDeletion 상태이면 경고입니다. 키가 삭제되면 그 키로 암호화한 데이터는 다시는 복호화할 수 없습니다.',
  },
  remediation: {
    why: {
      en: 'Deleting a key is irreversible: data, snapshots and backups encrypted with it become unreadable for good.',
      ko: '키 삭제는 되돌릴 수 없어, 그 키로 암호화한 데이터와 스냅샷, 백업을 영영 읽을 수 없게 됩니다.',
    },
    steps: {
      en: [
        'Before the deletion date, check in CloudTrail (Decrypt, GenerateDataKey events) whether anything still uses the key.',
        'If in doubt: AWS KMS → Customer managed keys → the key → Key actions → Cancel key deletion, then enable the key again.',
      ],
      ko: [
        '삭제 예정일 전에 CloudTrail(`Decrypt`, `GenerateDataKey` 이벤트)에서 이 키를 아직 쓰는 곳이 있는지 확인하세요.',
        '확실하지 않으면 AWS KMS → 고객 관리형 키 → 해당 키 → 키 작업 → 키 삭제 취소를 누른 뒤 키를 다시 활성화하세요.',
      ],
    },
    commands: [
      'aws kms cancel-key-deletion --key-id {{resourceId}} --region {{region}}',
      'aws kms enable-key --key-id {{resourceId}} --region {{region}}',
    ],
  },
  docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html'],
  compliance: { fsbp: ['KMS.3'], ismsp: ['2.7.2'] },
  requires: ['kms.keys'],
  requiresFields: { 'kms.keys': ['keyManager'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'kms.keys', (key) => {
      const name = key.alias ?? key.keyId;
      if (key.keyManager === undefined || key.keyState === undefined) {
        return missingFromCollection(
          { en: `Key ${name}`, ko: `키 ${name}` },
          { en: 'the key state', ko: '키 상태가' },
        );
      }
      if (key.keyManager !== 'CUSTOMER') {
        return {
          status: 'not_applicable',
          message: {
            en: `Key ${name} is managed by AWS.`,
            ko: `키 ${name}${particle(name, '은/는')} AWS가 관리합니다.`,
          },
        };
      }
      if (key.keyState !== 'PendingDeletion') {
        return {
          status: 'pass',
          message: {
            en: `Key ${name} is not scheduled for deletion (${key.keyState}).`,
            ko: `키 ${name}${particle(name, '은/는')} 삭제가 예약되어 있지 않습니다(${key.keyState}).`,
          },
        };
      }
      const date = key.deletionDate?.slice(0, 10);
      return {
        status: 'warning',
        details: { deletionDate: key.deletionDate ?? null },
        message: date
          ? {
              en: `Key ${name} is scheduled for deletion on ${date}: data encrypted with it will be unreadable after that.`,
              ko: `키 ${name}${particle(name, '은/는')} ${date}에 삭제될 예정입니다. 그 뒤에는 이 키로 암호화한 데이터를 읽을 수 없습니다.`,
            }
          : {
              en: `Key ${name} is scheduled for deletion: data encrypted with it will be unreadable after that.`,
              ko: `키 ${name}${particle(name, '은/는')} 삭제가 예약되어 있습니다. 삭제되면 이 키로 암호화한 데이터를 읽을 수 없습니다.`,
            },
      };
    });
  },
});
