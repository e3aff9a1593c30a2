import { particle } from '../../core/korean.js';
import { EBS_PRICING_DOC, volumeMonthlyCost } from '../lib/ebs.js';
import { NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ebs-volume-attached',
  service: 'ec2',
  category: 'cost',
  severity: 'medium',
  title: { en: 'EBS volumes are attached', ko: 'EBS 볼륨이 연결되어 있음' },
  failureLabel: { en: 'Unattached EBS volumes', ko: '연결되지 않은 EBS 볼륨' },
  description: {
    en: 'An unattached (available) volume is billed for its full provisioned size, IOPS and throughput while nothing uses it.',
    ko: '연결되지 않은("available" 상태) 볼륨은 아무도 사용하지 않아도 프로비저닝된 용량, IOPS, 처리량 전체가 과금됩니다.',
  },
  remediation: {
    why: {
      en: 'An unattached volume serves nothing but is billed in full for its size and provisioned performance.',
      ko: '연결되지 않은 볼륨은 아무 데도 쓰이지 않지만 크기와 프로비저닝된 성능만큼 요금이 그대로 부과됩니다.',
    },
    steps: {
      en: [
        'Confirm the data is not needed (tags, last attachment); if in doubt, take a snapshot first.',
        'EC2 → Volumes → filter State = available → select the volume → Actions → Create snapshot, then Actions → Delete volume.',
      ],
      ko: [
        '데이터가 필요 없는지 태그와 마지막 연결 정보로 확인하고, 확실하지 않으면 먼저 스냅샷을 만드세요.',
        'EC2 → 볼륨 → 상태 = "available" 필터 → 볼륨 선택 → 작업 → 스냅샷 생성, 그다음 작업 → 볼륨 삭제.',
      ],
    },
    commands: [
      'aws ec2 create-snapshot --volume-id {{resourceId}} --description "before delete" --region {{region}}',
      'aws ec2 delete-volume --volume-id {{resourceId}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html', EBS_PRICING_DOC],
  requires: ['ec2.volumes'],
  settings: {},
  evaluate(ctx) {
    return ctx
      .records('ec2.volumes')
      .filter((v) => v.state !== 'deleting' && v.state !== 'deleted')
      .map((v) => {
        const label = labelOf(v.volumeId, v.name);
        const base = { resourceId: v.volumeId, resourceArn: v.arn, resourceName: v.name, region: v.region };
        if (v.state !== 'available') {
          return {
            ...base,
            status: 'pass' as const,
            message: {
              en: `${label} is attached (${v.state}).`,
              ko: `${label}${particle(label, '은/는')} 연결되어 있습니다 (${v.state}).`,
            },
          };
        }
        const cost = volumeMonthlyCost(v, ctx.prices);
        const spec = `${v.sizeGiB} GiB ${v.volumeType}`;
        return {
          ...base,
          status: 'fail' as const,
          estimatedMonthlySavingsUsd: cost?.monthlyUsd,
          savingsBasis: cost ? savingsBasis(cost.formula, cost.prices) : NO_PRICE,
          details: { sizeGiB: v.sizeGiB, volumeType: v.volumeType, createTime: v.createTime ?? null },
          message: cost
            ? {
                en: `${label} (${spec}) is not attached to any instance and costs about ${usd(cost.monthlyUsd)} a month: snapshot it if needed and delete it.`,
                ko: `${label} (${spec})${particle(label, '은/는')} 어떤 인스턴스에도 연결되지 않았고 월 약 ${usd(cost.monthlyUsd)}가 과금됩니다. 필요하면 스냅샷을 만든 뒤 삭제하세요.`,
              }
            : {
                en: `${label} (${spec}) is not attached to any instance: snapshot it if needed and delete it.`,
                ko: `${label} (${spec})${particle(label, '은/는')} 어떤 인스턴스에도 연결되지 않았습니다. 필요하면 스냅샷을 만든 뒤 삭제하세요.`,
              },
        };
      });
  },
});
