import { particle } from '../../core/korean.js';
import { rdsVerdict } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-storage-encrypted',
  service: 'rds',
  category: 'security',
  severity: 'high',
  title: { en: 'RDS instance storage is encrypted', ko: 'RDS 인스턴스 스토리지가 암호화되어 있음' },
  failureLabel: {
    en: 'RDS instances with unencrypted storage',
    ko: '스토리지가 암호화되지 않은 RDS 인스턴스',
  },
  description: {
    en: 'Unencrypted RDS storage leaves the data, its automated backups, replicas and snapshots unencrypted at rest.',
    ko: '암호화되지 않은 RDS 스토리지는 데이터와 자동 백업, 복제본, 스냅샷을 암호화하지 않은 채 저장합니다.',
  },
  remediation: {
    why: {
      en: 'The data, its backups and its snapshots are stored unencrypted, which most compliance standards forbid.',
      ko: '데이터와 백업, 스냅샷이 암호화되지 않은 채 저장되며, 대부분의 규정 준수 기준에서 허용하지 않습니다.',
    },
    steps: {
      en: [
        'Encryption cannot be turned on in place: snapshot the instance, copy the snapshot with a KMS key, restore a new instance from the copy, switch the application to it and delete the old one.',
      ],
      ko: [
        '암호화는 그 자리에서 켤 수 없습니다. 인스턴스의 스냅샷을 만들고 KMS 키로 복사한 뒤, 복사본으로 새 인스턴스를 복원하고 애플리케이션을 옮긴 다음 이전 인스턴스를 삭제하세요.',
      ],
    },
    commands: [
      'aws rds create-db-snapshot --db-instance-identifier {{resourceId}} --db-snapshot-identifier {{resourceId}}-plain --region {{region}}',
      'aws rds copy-db-snapshot --source-db-snapshot-identifier {{resourceId}}-plain --target-db-snapshot-identifier {{resourceId}}-enc --kms-key-id alias/aws/rds --region {{region}}',
      'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {{resourceId}}-enc --db-snapshot-identifier {{resourceId}}-enc --region {{region}}',
    ],
  },
  compliance: { cis: ['2.2.1'], fsbp: ['RDS.3'], ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map((db) =>
      rdsVerdict(
        db,
        db.storageEncrypted,
        {
          en: `${db.dbInstanceIdentifier} has encrypted storage.`,
          ko: `${db.dbInstanceIdentifier}의 스토리지는 암호화되어 있습니다.`,
        },
        {
          en: `${db.dbInstanceIdentifier} (${db.engine}) stores data unencrypted (StorageEncrypted=false): migrate it to an encrypted copy.`,
          ko: `${db.dbInstanceIdentifier} (${db.engine})${particle(db.dbInstanceIdentifier, '은/는')} 데이터를 암호화하지 않고 저장합니다 (StorageEncrypted=false). 암호화된 사본으로 이전하세요.`,
        },
      ),
    );
  },
});
