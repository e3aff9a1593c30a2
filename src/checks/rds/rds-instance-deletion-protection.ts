import { particle } from '../../core/korean.js';
import { clusterManaged, rdsVerdict } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-deletion-protection',
  service: 'rds',
  category: 'fault_tolerance',
  severity: 'low',
  title: { en: 'RDS instances have deletion protection', ko: 'RDS 인스턴스에 삭제 방지가 켜져 있음' },
  failureLabel: { en: 'RDS instances without deletion protection', ko: '삭제 방지가 꺼진 RDS 인스턴스' },
  description: {
    en: 'Deletion protection makes a delete call fail until someone turns it off on purpose.',
    ko: '삭제 방지가 켜져 있으면 누군가 의도적으로 끄기 전까지 삭제 요청이 실패합니다.',
  },
  remediation: {
    why: {
      en: 'One mistaken delete call or template change removes the database.',
      ko: '삭제 요청이나 템플릿 변경 한 번의 실수로 데이터베이스가 사라집니다.',
    },
    steps: {
      en: ['RDS → Databases → select → Modify → Deletion protection: Enable → Continue → Apply immediately.'],
      ko: ['RDS → 데이터베이스 → 선택 → 수정 → 삭제 방지: 활성화 → 계속 → 즉시 적용.'],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --deletion-protection --apply-immediately --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'deletion_protection = true' },
  },
  compliance: { fsbp: ['RDS.8'], ismsp: ['2.9.2'] },
  docs: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
  ],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map(
      (db) =>
        clusterManaged(db, db.dbInstanceIdentifier) ??
        rdsVerdict(
          db,
          db.deletionProtection,
          {
            en: `${db.dbInstanceIdentifier} has deletion protection on.`,
            ko: `${db.dbInstanceIdentifier}에 삭제 방지가 켜져 있습니다.`,
          },
          {
            en: `${db.dbInstanceIdentifier} can be deleted by a single API call (DeletionProtection=false): enable deletion protection.`,
            ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} API 호출 한 번으로 삭제될 수 있습니다 (DeletionProtection=false). 삭제 방지를 켜세요.`,
          },
        ),
    );
  },
});
