import { particle } from '../../core/korean.js';
import {
  INSTANCE_DATA_DATE,
  parseInstanceType,
  RDS_PREVIOUS_GENERATION,
  rdsCurrentEquivalent,
} from '../lib/instance-types.js';
import { rdsHourly, rdsResource } from '../lib/rds.js';
import { savingsSuffix, upgradeSavings } from '../lib/savings.js';
import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 'rds-instance-current-generation',
  service: 'rds',
  category: 'cost',
  severity: 'low',
  title: {
    en: 'RDS instances use current-generation classes',
    ko: 'RDS 인스턴스가 현재 세대 클래스를 사용함',
  },
  failureLabel: { en: 'RDS instances on previous-generation classes', ko: '이전 세대 클래스의 RDS 인스턴스' },
  description: {
    en: `Previous-generation DB classes (db.t1, db.t2, db.m1–db.m4, db.r3, db.r4; data dated ${INSTANCE_DATA_DATE}) cost more for less performance and are being retired by AWS.`,
    ko: `이전 세대 DB 클래스(db.t1, db.t2, db.m1–db.m4, db.r3, db.r4, ${INSTANCE_DATA_DATE} 기준 데이터)는 성능 대비 비용이 높고 AWS가 단계적으로 종료하고 있습니다.`,
  },
  remediation: {
    why: {
      en: 'Previous-generation classes cost more for the same capacity and lose support first.',
      ko: '이전 세대 클래스는 같은 성능에 비용이 더 들고 지원도 먼저 끝납니다.',
    },
    steps: {
      en: [
        'Check that the engine version supports the new class, then change the class in the maintenance window: RDS → Databases → select → Modify → DB instance class → Continue.',
      ],
      ko: [
        '엔진 버전이 새 클래스를 지원하는지 확인한 뒤 유지 관리 기간에 클래스를 바꾸세요. RDS → 데이터베이스 → 선택 → 수정 → DB 인스턴스 클래스 → 계속.',
      ],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --db-instance-class {{details.recommendedClass}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html'],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map((db): FindingDraft => {
      const label = db.dbInstanceIdentifier;
      const current = rdsCurrentEquivalent(db.dbInstanceClass);
      if (!current) {
        return {
          ...rdsResource(db),
          status: 'pass',
          message: {
            en: `${label} uses ${db.dbInstanceClass}, a current-generation class.`,
            ko: `${label}${particle(label, '은/는')} 현재 세대 클래스 ${db.dbInstanceClass}${particle(db.dbInstanceClass, '을/를')} 사용합니다.`,
          },
        };
      }
      const family = parseInstanceType(db.dbInstanceClass)?.family ?? db.dbInstanceClass;
      const alternatives = (RDS_PREVIOUS_GENERATION[family] ?? []).join(' / ');
      const suggestion = current.type ?? `${current.family} family`;
      const saving = upgradeSavings(rdsHourly(ctx.prices, db), {
        type: suggestion,
        quote: current.type ? rdsHourly(ctx.prices, db, current.type).quote : undefined,
      });
      const suffix = savingsSuffix(saving?.savings);
      return {
        ...rdsResource(db),
        status: 'fail',
        details: { instanceClass: db.dbInstanceClass, recommendedClass: suggestion, alternatives },
        estimatedMonthlySavingsUsd: saving?.savings,
        savingsBasis: saving?.basis,
        message: {
          en: `${label} uses ${db.dbInstanceClass}, a previous-generation class: move to ${suggestion} (current equivalents: ${alternatives})${suffix.en}.`,
          ko: `${label}${particle(label, '은/는')} 이전 세대 클래스 ${db.dbInstanceClass}${particle(db.dbInstanceClass, '을/를')} 사용합니다. ${suggestion}${particle(suggestion, '으로/로')} 옮기세요 (현재 세대 대안: ${alternatives})${suffix.ko}.`,
        },
      };
    });
  },
});
