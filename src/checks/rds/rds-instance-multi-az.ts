import { particle } from '../../core/korean.js';
import { clusterManaged, rdsVerdict } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-multi-az',
  service: 'rds',
  category: 'fault_tolerance',
  severity: 'medium',
  title: { en: 'RDS instances are Multi-AZ', ko: 'RDS 인스턴스가 다중 AZ로 구성됨' },
  failureLabel: { en: 'Single-AZ RDS instances', ko: '단일 AZ RDS 인스턴스' },
  description: {
    en: 'A Single-AZ instance is down for the whole of an Availability Zone outage or a host failure; Multi-AZ fails over to a standby in another zone in a minute or two.',
    ko: '단일 AZ 인스턴스는 가용 영역 장애나 호스트 장애 동안 내내 중단되지만, 다중 AZ는 1~2분 안에 다른 영역의 대기 인스턴스로 장애 조치합니다.',
  },
  remediation: {
    why: {
      en: 'A single-AZ database is down for the whole repair when its host or Availability Zone fails.',
      ko: '단일 AZ 데이터베이스는 호스트나 가용 영역에 장애가 나면 복구가 끝날 때까지 중단됩니다.',
    },
    steps: {
      en: [
        'For production databases: RDS → Databases → select → Modify → Availability and durability → Create a standby instance → Continue → apply in the maintenance window.',
        'Multi-AZ doubles the instance price.',
      ],
      ko: [
        '운영 데이터베이스라면 RDS → 데이터베이스 → 선택 → 수정 → 가용성 및 내구성 → 대기 인스턴스 생성 → 계속 → 유지 관리 기간에 적용.',
        '다중 AZ는 인스턴스 요금이 두 배가 됩니다.',
      ],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --multi-az --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'multi_az = true' },
  },
  compliance: { cis: ['2.2.4'], fsbp: ['RDS.5'], ismsp: ['2.9.2', '2.12.1'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html'],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map(
      (db) =>
        clusterManaged(db, db.dbInstanceIdentifier) ??
        rdsVerdict(
          db,
          db.multiAZ,
          {
            en: `${db.dbInstanceIdentifier} is Multi-AZ.`,
            ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} 다중 AZ입니다.`,
          },
          {
            en: `${db.dbInstanceIdentifier} runs in a single Availability Zone${db.availabilityZone ? ` (${db.availabilityZone})` : ''}: enable Multi-AZ if it serves production.`,
            ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} 단일 가용 영역${db.availabilityZone ? `(${db.availabilityZone})` : ''}에서 실행됩니다. 운영용이라면 다중 AZ를 켜세요.`,
          },
        ),
    );
  },
});
