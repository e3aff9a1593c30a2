import { particle } from '../../core/korean.js';
import { missingFromCollection, passOrFail, perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'efs-file-system-backup-enabled',
  service: 'efs',
  category: 'fault_tolerance',
  severity: 'medium',
  title: { en: 'EFS file systems have automatic backups', ko: 'EFS 파일 시스템에 자동 백업이 켜져 있음' },
  failureLabel: { en: 'EFS file systems without automatic backups', ko: '자동 백업이 꺼진 EFS 파일 시스템' },
  description: {
    en: 'Fails when the backup policy status is not ENABLED (or there is no backup policy): deleted or corrupted files cannot be restored.',
    ko: '백업 정책 상태가 ENABLED가 아니거나 백업 정책이 없으면 삭제되거나 손상된 파일을 복원할 수 없으므로 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Without backups, a mistaken delete, ransomware or an application bug loses the files for good.',
      ko: '백업이 없으면 실수로 인한 삭제, 랜섬웨어, 애플리케이션 버그로 파일을 영영 잃습니다.',
    },
    steps: {
      en: [
        'Amazon EFS → File systems → the file system → General → Edit → Automatic backups → Enable → Save changes.',
      ],
      ko: [
        'Amazon EFS → 파일 시스템 → 해당 파일 시스템 → 일반 → 편집 → 자동 백업 → 활성화 → 변경 사항 저장.',
      ],
    },
    commands: [
      'aws efs put-backup-policy --file-system-id {{resourceId}} --backup-policy Status=ENABLED --region {{region}}',
    ],
    iac: {
      kind: 'terraform',
      code: 'resource "aws_efs_backup_policy" "this" { backup_policy { status = "ENABLED" } }',
    },
  },
  docs: ['https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html'],
  compliance: { fsbp: ['EFS.2'], ismsp: ['2.9.3'] },
  requires: ['efs.file-systems'],
  requiresFields: { 'efs.file-systems': ['backupPolicyStatus'] },
  settings: {},
  evaluate(ctx) {
    return perResource(ctx, 'efs.file-systems', (fs) => {
      const name = fs.name ?? fs.fileSystemId;
      const status = fs.backupPolicyStatus;
      if (status === undefined) {
        return missingFromCollection(
          { en: `File system ${name}`, ko: `파일 시스템 ${name}` },
          { en: 'the backup policy', ko: '백업 정책이' },
        );
      }
      return passOrFail(
        status === 'ENABLED',
        {
          en: `File system ${name} has automatic backups.`,
          ko: `파일 시스템 ${name}에 자동 백업이 켜져 있습니다.`,
        },
        {
          en: `File system ${name} has no automatic backups (${status ?? 'no backup policy'}).`,
          ko: `파일 시스템 ${name}${particle(name, '은/는')} 자동 백업이 꺼져 있습니다(${status ?? '백업 정책 없음'}).`,
        },
        { backupPolicyStatus: status },
      );
    });
  },
});
