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
    en: 'Encryption cannot be turned on in place. Console: RDS → Snapshots → take a snapshot → Actions → Copy snapshot with encryption enabled (KMS key) → Restore snapshot → switch the application to the new instance → delete the old one. CLI: aws rds create-db-snapshot --db-instance-identifier <ID> --db-snapshot-identifier <SNAP>; aws rds copy-db-snapshot --source-db-snapshot-identifier <SNAP> --target-db-snapshot-identifier <SNAP>-enc --kms-key-id alias/aws/rds; aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <NEW_ID> --db-snapshot-identifier <SNAP>-enc',
    ko: '암호화는 그 자리에서 켤 수 없습니다. 콘솔: RDS → 스냅샷 → 스냅샷 생성 → 작업 → 암호화를 켜고(KMS 키) 스냅샷 복사 → 스냅샷 복원 → 애플리케이션을 새 인스턴스로 전환 → 기존 인스턴스 삭제. CLI: aws rds create-db-snapshot --db-instance-identifier <ID> --db-snapshot-identifier <SNAP>; aws rds copy-db-snapshot --source-db-snapshot-identifier <SNAP> --target-db-snapshot-identifier <SNAP>-enc --kms-key-id alias/aws/rds; aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <NEW_ID> --db-snapshot-identifier <SNAP>-enc',
  },
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
          ko: `${db.dbInstanceIdentifier} (${db.engine})은(는) 데이터를 암호화하지 않고 저장합니다 (StorageEncrypted=false). 암호화된 사본으로 이전하세요.`,
        },
      ),
    );
  },
});
