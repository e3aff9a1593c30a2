import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import {
  EC2_PREVIOUS_GENERATION,
  ec2CurrentEquivalent,
  INSTANCE_DATA_DATE,
  parseInstanceType,
} from '../lib/instance-types.js';
import { savingsSuffix, upgradeSavings } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-current-generation',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: { en: 'EC2 instances use current-generation types', ko: 'EC2 인스턴스가 현재 세대 유형을 사용함' },
  failureLabel: { en: 'EC2 instances on previous-generation types', ko: '이전 세대 유형의 EC2 인스턴스' },
  description: {
    en: `Previous-generation families (AWS's published list, kept as data dated ${INSTANCE_DATA_DATE}) cost more for less performance than their current equivalents and get fewer new features.`,
    ko: `이전 세대 패밀리(AWS 공개 목록, ${INSTANCE_DATA_DATE} 기준 데이터)는 현재 세대보다 성능 대비 비용이 높고 새 기능 지원이 적습니다.`,
  },
  remediation: {
    why: {
      en: "Previous-generation types cost more for the same capacity and miss Nitro's network and storage performance.",
      ko: '이전 세대 유형은 같은 성능에 비용이 더 들고 Nitro의 네트워크·스토리지 성능을 누리지 못합니다.',
    },
    steps: {
      en: [
        'Test the workload on the suggested type (the AMI must support ENA and NVMe for Nitro types), then change the type in a maintenance window.',
        'EC2 → Instances → select → Instance state → Stop → Actions → Instance settings → Change instance type → Start.',
      ],
      ko: [
        '권장 유형에서 워크로드를 시험하고(Nitro 유형은 AMI가 ENA와 NVMe를 지원해야 함) 유지 보수 시간에 유형을 바꾸세요.',
        'EC2 → 인스턴스 → 선택 → 인스턴스 상태 → 중지 → 작업 → 인스턴스 설정 → 인스턴스 유형 변경 → 시작.',
      ],
    },
    commands: [
      'aws ec2 stop-instances --instance-ids {{resourceId}} --region {{region}}',
      'aws ec2 modify-instance-attribute --instance-id {{resourceId}} --instance-type {{details.recommendedType}} --region {{region}}',
      'aws ec2 start-instances --instance-ids {{resourceId}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://aws.amazon.com/ec2/previous-generation/',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-resize.html',
  ],
  requires: ['ec2.instances'],
  settings: {},
  evaluate(ctx) {
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const base = {
        ...instanceResource(i),
        details: { instanceType: i.instanceType } as Record<string, string | number | boolean | null>,
      };
      const current = ec2CurrentEquivalent(i.instanceType);
      if (!current) {
        return {
          ...base,
          status: 'pass' as const,
          message: {
            en: `${label} uses ${i.instanceType}, a current-generation type.`,
            ko: `${label}${particle(label, '은/는')} 현재 세대 유형 ${i.instanceType}${particle(i.instanceType, '을/를')} 사용합니다.`,
          },
        };
      }
      const family = parseInstanceType(i.instanceType)?.family ?? i.instanceType;
      const alternatives = (EC2_PREVIOUS_GENERATION[family] ?? []).join(' / ');
      const suggestion = current.type ?? `${current.family} family`;
      const platform = i.platform === 'windows' ? 'windows' : 'linux';
      const saving = upgradeSavings(
        { type: i.instanceType, quote: ctx.prices.ec2InstanceHourly(i.region, i.instanceType, platform) },
        {
          type: suggestion,
          quote: current.type ? ctx.prices.ec2InstanceHourly(i.region, current.type, platform) : undefined,
        },
      );
      const suffix = savingsSuffix(saving?.savings);
      return {
        ...base,
        details: { ...base.details, recommendedType: suggestion, alternatives },
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: saving?.savings,
        savingsBasis: saving?.basis,
        message: {
          en: `${label} uses ${i.instanceType}, a previous-generation type: move to ${suggestion} (current equivalents: ${alternatives})${suffix.en}.`,
          ko: `${label}${particle(label, '은/는')} 이전 세대 유형 ${i.instanceType}${particle(i.instanceType, '을/를')} 사용합니다. ${suggestion}${particle(suggestion, '으로/로')} 옮기세요 (현재 세대 대안: ${alternatives})${suffix.ko}.`,
        },
      };
    });
  },
});
