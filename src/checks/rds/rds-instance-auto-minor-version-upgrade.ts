import { particle } from '../../core/korean.js';
import { rdsVerdict } from '../lib/rds.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'rds-instance-auto-minor-version-upgrade',
  service: 'rds',
  category: 'operational',
  severity: 'low',
  title: {
    en: 'RDS instances upgrade minor versions automatically',
    ko: 'RDS 인스턴스가 마이너 버전을 자동 업그레이드함',
  },
  failureLabel: {
    en: 'RDS instances without automatic minor upgrades',
    ko: '마이너 버전 자동 업그레이드가 꺼진 RDS 인스턴스',
  },
  description: {
    en: 'Minor versions carry security and bug fixes; with automatic minor version upgrade they are applied in the maintenance window.',
    ko: '마이너 버전에는 보안·버그 수정이 포함되며, 자동 마이너 버전 업그레이드를 켜면 유지 관리 기간에 적용됩니다.',
  },
  remediation: {
    why: {
      en: 'Minor versions carry security and bug fixes; without automatic upgrades they are easily skipped for months.',
      ko: '마이너 버전에는 보안·버그 수정이 들어 있는데, 자동 업그레이드가 없으면 몇 달씩 건너뛰기 쉽습니다.',
    },
    steps: {
      en: [
        'RDS → Databases → select → Modify → Maintenance → Auto minor version upgrade: Enable → Continue.',
      ],
      ko: ['RDS → 데이터베이스 → 선택 → 수정 → 유지 관리 → 마이너 버전 자동 업그레이드: 활성화 → 계속.'],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --auto-minor-version-upgrade --region {{region}}',
    ],
    iac: { kind: 'terraform', code: 'auto_minor_version_upgrade = true' },
  },
  compliance: { cis: ['2.2.2'], fsbp: ['RDS.13'], ismsp: ['2.10.8'] },
  docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html'],
  requires: ['rds.instances'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('rds.instances').map((db) =>
      rdsVerdict(
        db,
        db.autoMinorVersionUpgrade,
        {
          en: `${db.dbInstanceIdentifier} upgrades minor versions automatically.`,
          ko: `${db.dbInstanceIdentifier}${particle(db.dbInstanceIdentifier, '은/는')} 마이너 버전을 자동으로 업그레이드합니다.`,
        },
        {
          en: `${db.dbInstanceIdentifier} (${db.engine} ${db.engineVersion ?? ''}) does not apply minor upgrades automatically (AutoMinorVersionUpgrade=false): enable it.`,
          ko: `${db.dbInstanceIdentifier} (${db.engine} ${db.engineVersion ?? ''})${particle(db.dbInstanceIdentifier, '은/는')} 마이너 업그레이드를 자동 적용하지 않습니다 (AutoMinorVersionUpgrade=false). 켜세요.`,
        },
      ),
    );
  },
});
