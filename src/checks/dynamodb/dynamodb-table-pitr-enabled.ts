import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'dynamodb-table-pitr-enabled',
  service: 'dynamodb',
  category: 'fault_tolerance',
  severity: 'medium',
  title: {
    en: 'DynamoDB tables have point-in-time recovery',
    ko: 'DynamoDB 테이블에 특정 시점 복구가 켜져 있음',
  },
  failureLabel: {
    en: 'DynamoDB tables without point-in-time recovery',
    ko: '특정 시점 복구가 꺼진 DynamoDB 테이블',
  },
  description: {
    en: 'Fails when PointInTimeRecoveryStatus is not ENABLED: a bad write or delete cannot be undone by restoring the table to a second before it.',
    ko: 'PointInTimeRecoveryStatus가 ENABLED가 아니면, 잘못된 쓰기나 삭제가 있어도 그 직전 시점으로 테이블을 복원할 수 없으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without it, an application bug or a mistaken delete loses data that only a manual backup (if any) can bring back.',
      ko: '이 기능이 없으면 애플리케이션 버그나 실수로 인한 삭제로 잃은 데이터를 수동 백업이 있을 때만 되살릴 수 있습니다.',
    },
    steps: {
      en: [
        'DynamoDB → Tables → the table → Backups → Point-in-time recovery → Edit → Turn on → Save changes.',
      ],
      ko: ['DynamoDB → 테이블 → 해당 테이블 → 백업 → 특정 시점 복구 → 편집 → 켜기 → 변경 사항 저장.'],
    },
    commands: [
      'aws dynamodb update-continuous-backups --table-name {{resourceId}} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'point_in_time_recovery { enabled = true }' },
  },
  docs: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
  compliance: { fsbp: ['DynamoDB.2'], ismsp: ['2.9.3'] },
  requires: ['dynamodb.tables'],
  requiresFields: { 'dynamodb.tables': ['pointInTimeRecoveryStatus'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'dynamodb.tables', (table) => {
      const name = table.tableName;
      const status = table.pointInTimeRecoveryStatus;
      if (status === undefined) {
        return missingFromCollection(
          { en: `Table ${name}`, ko: `테이블 ${name}` },
          { en: 'the point-in-time recovery status', ko: '특정 시점 복구 상태가' },
        );
      }
      return passOrFail(
        status === 'ENABLED',
        {
          en: `Table ${name} has point-in-time recovery.`,
          ko: `테이블 ${name}에 특정 시점 복구가 켜져 있습니다.`,
        },
        {
          en: `Table ${name} has no point-in-time recovery (${status}).`,
          ko: `테이블 ${name}${particle(name, '은/는')} 특정 시점 복구가 꺼져 있습니다(${status}).`,
        },
      );
    });
  },
});
