import { particle } from '../../core/korean.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-volume-encrypted',
  service: 'ec2',
  category: 'security',
  severity: 'high',
  title: { en: 'EBS volumes are encrypted', ko: 'EBS 볼륨이 암호화되어 있음' },
  failureLabel: { en: 'Unencrypted EBS volumes', ko: '암호화되지 않은 EBS 볼륨' },
  description: {
    en: 'Unencrypted volumes leave data, its snapshots and the traffic to the instance readable to anyone who gets a copy.',
    ko: '암호화되지 않은 볼륨은 데이터와 스냅샷, 인스턴스와의 전송 데이터를 사본을 얻은 누구나 읽을 수 있게 둡니다.',
  },
  remediation: {
    why: {
      en: 'Data at rest and every snapshot taken from the volume stay unencrypted, which most compliance standards forbid.',
      ko: '저장된 데이터와 이 볼륨에서 만든 모든 스냅샷이 암호화되지 않으며, 대부분의 규정 준수 기준에서 허용하지 않습니다.',
    },
    steps: {
      en: [
        'A volume cannot be encrypted in place: snapshot it, copy the snapshot with encryption, and create a new volume from the copy.',
        'EC2 → Volumes → select → Actions → Create snapshot; Snapshots → select → Actions → Copy snapshot → Encrypt this snapshot; then create a volume from the copy.',
        'Stop the instance, detach the old volume and attach the new one on the same device; turn on EBS encryption by default for new volumes.',
      ],
      ko: [
        '볼륨은 그 자리에서 암호화할 수 없습니다. 스냅샷을 만들고, 암호화를 켜서 복사한 뒤, 복사본으로 새 볼륨을 만드세요.',
        'EC2 → 볼륨 → 선택 → 작업 → 스냅샷 생성, 스냅샷 → 선택 → 작업 → 스냅샷 복사 → 이 스냅샷 암호화, 그다음 복사본으로 볼륨을 만드세요.',
        '인스턴스를 중지하고 기존 볼륨을 분리한 뒤 새 볼륨을 같은 디바이스로 연결하세요. 새 볼륨을 위해 EBS 기본 암호화도 켜세요.',
      ],
    },
    commands: [
      'aws ec2 create-snapshot --volume-id {{resourceId}} --description "before encryption" --region {{region}}',
      'aws ec2 copy-snapshot --source-region {{region}} --source-snapshot-id <SNAPSHOT_ID> --encrypted --region {{region}}',
      'aws ec2 create-volume --snapshot-id <ENCRYPTED_SNAPSHOT_ID> --availability-zone <AZ> --region {{region}}',
    ],
  },
  // Not CIS 5.1.1: CIS audits the region's default encryption (ebs-default-encryption-enabled), not each volume.
  compliance: { fsbp: ['EC2.3'], ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  requires: ['ec2.volumes'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('ec2.volumes').map((v) => {
      const label = labelOf(v.volumeId, v.name);
      const base = { resourceId: v.volumeId, resourceArn: v.arn, resourceName: v.name, region: v.region };
      return v.encrypted
        ? {
            ...base,
            status: 'pass' as const,
            message: {
              en: `${label} is encrypted.`,
              ko: `${label}${particle(label, '은/는')} 암호화되어 있습니다.`,
            },
          }
        : {
            ...base,
            status: 'fail' as const,
            details: {
              sizeGiB: v.sizeGiB,
              attachedTo: v.attachments.map((a) => a.instanceId).join(', ') || null,
            },
            message: {
              en: `${label} (${v.sizeGiB} GiB ${v.volumeType}) is not encrypted: replace it with an encrypted copy.`,
              ko: `${label} (${v.sizeGiB} GiB ${v.volumeType})${particle(label, '은/는')} 암호화되지 않았습니다. 암호화된 사본으로 교체하세요.`,
            },
          };
    });
  },
});
