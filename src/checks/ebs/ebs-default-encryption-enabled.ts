import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-default-encryption-enabled',
  service: 'ec2',
  category: 'security',
  severity: 'medium',
  title: {
    en: 'EBS encryption by default is on in each region',
    ko: '각 리전에서 EBS 기본 암호화가 켜져 있음',
  },
  failureLabel: { en: 'Regions without EBS encryption by default', ko: 'EBS 기본 암호화가 꺼진 리전' },
  description: {
    en: 'With EBS encryption by default, every new volume and snapshot copy in the region is encrypted, whoever creates it.',
    ko: 'EBS 기본 암호화가 켜져 있으면 해당 리전에서 새로 만드는 모든 볼륨과 스냅샷 사본이 만든 사람과 관계없이 암호화됩니다.',
  },
  remediation: {
    why: {
      en: 'Without it, any new volume created without an explicit setting is stored unencrypted, and so are its snapshots.',
      ko: '이 설정이 없으면 별도 지정 없이 만든 새 볼륨과 그 스냅샷이 암호화되지 않은 채 저장됩니다.',
    },
    steps: {
      en: [
        'EC2 → choose the region → Settings → Data protection and security → EBS encryption → Manage → Enable → Update.',
        'Existing volumes are not changed; encrypt them separately.',
      ],
      ko: [
        'EC2 → 리전 선택 → 설정 → 데이터 보호 및 보안 → EBS 암호화 → 관리 → 활성화 → 업데이트.',
        '기존 볼륨은 바뀌지 않으므로 따로 암호화해야 합니다.',
      ],
    },
    commands: ['aws ec2 enable-ebs-encryption-by-default --region {{region}}'],
    iac: { kind: 'terraform', code: 'resource "aws_ebs_encryption_by_default" "this" { enabled = true }' },
  },
  compliance: { cis: ['5.1.1'], fsbp: ['EC2.7'], ismsp: ['2.7.1'] },
  docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
  requires: ['ec2.ebs-encryption-default'],
  settings: {},
  evaluate(ctx) {
    return ctx.records('ec2.ebs-encryption-default').map((r) => ({
      resourceId: `ebs-encryption-default@${r.region}`,
      resourceName: `EBS encryption by default (${r.region})`,
      region: r.region,
      status: r.enabled ? ('pass' as const) : ('fail' as const),
      message: r.enabled
        ? {
            en: `EBS encryption by default is on in ${r.region}.`,
            ko: `${r.region} 리전에서 EBS 기본 암호화가 켜져 있습니다.`,
          }
        : {
            en: `EBS encryption by default is off in ${r.region}: new volumes there can be created unencrypted.`,
            ko: `${r.region} 리전에서 EBS 기본 암호화가 꺼져 있어 암호화되지 않은 새 볼륨이 만들어질 수 있습니다.`,
          },
    }));
  },
});
