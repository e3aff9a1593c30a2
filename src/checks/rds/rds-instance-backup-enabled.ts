import { particle } from '../../core/korean.js';
import { clusterManaged, rdsResource } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-backup-enabled',
  service: 'rds',
  category: 'fault_tolerance',
  severity: 'high',
  title: { en: 'RDS instances keep automated backups', ko: 'RDS 인스턴스가 자동 백업을 보존함' },
  failureLabel: {
    en: 'RDS instances without enough automated backups',
    ko: '자동 백업이 없거나 짧은 RDS 인스턴스',
  },
  description: {
    en: 'With BackupRetentionPeriod 0 there are no automated backups and no point-in-time recovery; fewer than 7 days leaves little room to notice a problem.',
    ko: 'BackupRetentionPeriod가 0이면 자동 백업과 특정 시점 복구가 없고, 7일 미만이면 문제를 발견할 시간이 부족합니다.',
  },
  remediation: {
    why: {
      en: 'Without automated backups there is no point-in-time recovery: a bad migration or a deleted table cannot be undone.',
      ko: '자동 백업이 없으면 특정 시점 복구가 불가능해, 잘못된 마이그레이션이나 삭제한 테이블을 되돌릴 수 없습니다.',
    },
    steps: {
      en: [
        'RDS → Databases → select → Modify → Backup → Backup retention period: 7 days or more → Continue → Apply immediately.',
      ],
      ko: ['RDS → 데이터베이스 → 선택 → 수정 → 백업 → 백업 보존 기간: 7일 이상 → 계속 → 즉시 적용.'],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --backup-retention-period 7 --apply-immediately --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'backup_retention_period = 7' },
  },
  compliance: { fsbp: ['RDS.11'], ismsp: ['2.9.3'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
  requires: ['rds.instances'],
  settings: {
    minRetentionDays: {
      default: 7,
      min: 1,
      max: 35,
      unit: 'days',
      description: {
        en: 'Retention below this (but above 0) → warning',
        ko: '보존 기간이 이 값 미만(0 초과)이면 경고',
      },
    },
  },
  evaluate(ctx) {
    return ctx.records('rds.instances').map((db) => {
      const label = db.dbInstanceIdentifier;
      const managed = clusterManaged(db, label);
      if (managed) return managed;
      const days = db.backupRetentionPeriod;
      const status =
        days === 0
          ? ('fail' as const)
          : days < ctx.settings.minRetentionDays
            ? ('warning' as const)
            : ('pass' as const);
      const message =
        status === 'fail'
          ? {
              en: `${label} has automated backups turned off (BackupRetentionPeriod=0): set a retention of at least ${ctx.settings.minRetentionDays} days.`,
              ko: `${label}의 자동 백업이 꺼져 있습니다 (BackupRetentionPeriod=0). 보존 기간을 ${ctx.settings.minRetentionDays}일 이상으로 설정하세요.`,
            }
          : status === 'warning'
            ? {
                en: `${label} keeps backups for only ${days} day(s): raise it to at least ${ctx.settings.minRetentionDays}.`,
                ko: `${label}${particle(label, '은/는')} 백업을 ${days}일만 보존합니다. ${ctx.settings.minRetentionDays}일 이상으로 늘리세요.`,
              }
            : {
                en: `${label} keeps automated backups for ${days} days.`,
                ko: `${label}${particle(label, '은/는')} 자동 백업을 ${days}일 보존합니다.`,
              };
      return { ...rdsResource(db), status, message, details: { backupRetentionPeriod: days } };
    });
  },
});
