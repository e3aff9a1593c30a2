import { particle } from '../../core/korean.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-snapshot-not-public',
  service: 'rds',
  category: 'security',
  severity: 'critical',
  title: { en: 'RDS snapshots are not public', ko: 'RDS 스냅샷이 공개되어 있지 않음' },
  failureLabel: { en: 'Public RDS snapshots', ko: '공개된 RDS 스냅샷' },
  description: {
    en: 'A manual DB snapshot whose restore attribute contains "all" can be restored by any AWS account, with all the data in it.',
    ko: '"restore" 속성에 "all"이 포함된 수동 DB 스냅샷은 모든 AWS 계정이 데이터째 복원할 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'Anyone with an AWS account can restore a public snapshot and read the whole database.',
      ko: '공개 스냅샷은 AWS 계정이 있는 누구나 복원해 데이터베이스 전체를 읽을 수 있습니다.',
    },
    steps: {
      en: ['RDS → Snapshots → select → Actions → Share snapshot → DB snapshot visibility: Private → Save.'],
      ko: ['RDS → 스냅샷 → 선택 → 작업 → 스냅샷 공유 → DB 스냅샷 표시 여부: 프라이빗 → 저장.'],
    },
    commands: [
      'aws rds modify-db-snapshot-attribute --db-snapshot-identifier {{resourceId}} --attribute-name restore --values-to-remove all --region {{region}}',
    ],
  },
  compliance: { fsbp: ['RDS.1'], ismsp: ['2.6.2', '2.10.2'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html'],
  requires: ['rds.snapshots'],
  requiresFields: { 'rds.snapshots': ['restoreAttribute'] },
  settings: {},
  evaluate(ctx) {
    return ctx
      .records('rds.snapshots')
      .filter((s) => s.snapshotType === undefined || s.snapshotType === 'manual')
      .map((s) => {
        const base = {
          resourceId: s.dbSnapshotIdentifier,
          resourceArn: s.arn,
          resourceName: s.dbSnapshotIdentifier,
          region: s.region,
        };
        if (s.restoreAttribute === undefined) {
          return {
            ...base,
            status: 'unknown' as const,
            message: {
              en: `${s.dbSnapshotIdentifier}: the restore attribute was not collected.`,
              ko: `${s.dbSnapshotIdentifier}: "restore" 속성을 수집하지 않았습니다.`,
            },
          };
        }
        const isPublic = s.restoreAttribute.includes('all');
        return {
          ...base,
          status: isPublic ? ('fail' as const) : ('pass' as const),
          message: isPublic
            ? {
                en: `${s.dbSnapshotIdentifier}${s.dbInstanceIdentifier ? ` (of ${s.dbInstanceIdentifier})` : ''} can be restored by any AWS account (restore attribute "all"): make it private now.`,
                ko: `${s.dbSnapshotIdentifier}${s.dbInstanceIdentifier ? ` (${s.dbInstanceIdentifier}의 스냅샷)` : ''}${particle(s.dbInstanceIdentifier ? ` (${s.dbInstanceIdentifier}의 스냅샷)` : '', '은/는')} 모든 AWS 계정이 복원할 수 있습니다 ("restore" 속성 "all"). 즉시 프라이빗으로 바꾸세요.`,
              }
            : {
                en: `${s.dbSnapshotIdentifier} is not public.`,
                ko: `${s.dbSnapshotIdentifier}${particle(s.dbSnapshotIdentifier, '은/는')} 공개되어 있지 않습니다.`,
              },
        };
      });
  },
});
