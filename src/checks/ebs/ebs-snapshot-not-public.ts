import { particle } from '../../core/korean.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-snapshot-not-public',
  service: 'ec2',
  category: 'security',
  severity: 'critical',
  title: { en: 'EBS snapshots are not public', ko: 'EBS 스냅샷이 공개되어 있지 않음' },
  failureLabel: { en: 'Public EBS snapshots', ko: '공개된 EBS 스냅샷' },
  description: {
    en: 'A snapshot whose createVolumePermission includes the group "all" can be copied by any AWS account, with all the data on it.',
    ko: 'createVolumePermission에 "all" 그룹이 포함된 스냅샷은 모든 AWS 계정이 데이터째 복사할 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'Anyone with an AWS account can create a volume from a public snapshot and read every file on it.',
      ko: '공개 스냅샷은 AWS 계정이 있는 누구나 볼륨으로 만들어 안의 파일을 모두 읽을 수 있습니다.',
    },
    steps: {
      en: [
        'EC2 → Snapshots → select the snapshot → Actions → Snapshot settings → Modify permissions → Private → Save.',
        'Also turn on Block public access for snapshots: EC2 → Settings → Data protection and security.',
      ],
      ko: [
        'EC2 → 스냅샷 → 스냅샷 선택 → 작업 → 스냅샷 설정 → 권한 수정 → 프라이빗 → 저장.',
        'EC2 → 설정 → 데이터 보호 및 보안에서 스냅샷 퍼블릭 액세스 차단도 켜세요.',
      ],
    },
    commands: [
      'aws ec2 modify-snapshot-attribute --snapshot-id {{resourceId}} --attribute createVolumePermission --operation-type remove --group-names all --region {{region}}',
      'aws ec2 enable-snapshot-block-public-access --state block-all-sharing --region {{region}}',
    ],
  },
  compliance: { fsbp: ['EC2.1'], ismsp: ['2.6.2', '2.10.2'] },
  docs: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  ],
  requires: ['ec2.snapshots'],
  requiresFields: { 'ec2.snapshots': ['public'] },
  settings: {},
  evaluate(ctx) {
    return ctx.records('ec2.snapshots').map((s) => {
      const base = { resourceId: s.snapshotId, resourceArn: s.arn, region: s.region };
      if (s.public === undefined) {
        return {
          ...base,
          status: 'unknown' as const,
          message: {
            en: `${s.snapshotId}: the createVolumePermission attribute was not collected.`,
            ko: `${s.snapshotId}: createVolumePermission 속성이 수집되지 않았습니다.`,
          },
        };
      }
      return s.public
        ? {
            ...base,
            status: 'fail' as const,
            details: { volumeSizeGiB: s.volumeSizeGiB, encrypted: s.encrypted },
            message: {
              en: `${s.snapshotId} (${s.volumeSizeGiB} GiB) can be restored by any AWS account (createVolumePermission group "all"): make it private now.`,
              ko: `${s.snapshotId} (${s.volumeSizeGiB} GiB)${particle(s.snapshotId, '은/는')} 모든 AWS 계정이 복원할 수 있습니다 (createVolumePermission 그룹 "all"). 즉시 프라이빗으로 바꾸세요.`,
            },
          }
        : {
            ...base,
            status: 'pass' as const,
            message: {
              en: `${s.snapshotId} is private.`,
              ko: `${s.snapshotId}${particle(s.snapshotId, '은/는')} 프라이빗입니다.`,
            },
          };
    });
  },
});
