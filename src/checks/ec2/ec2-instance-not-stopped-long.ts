import { particle } from '../../core/korean.js';
import { volumeMonthlyCost } from '../lib/ebs.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import { daysBetween } from '../lib/metrics.js';
import { savingsBasis, usd } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import { defineCheck, type FindingDraft } from '../types.js';

/** "User initiated (2024-01-02 03:04:05 GMT)" → ISO; the collector normally parses it already. */
export function parseTransitionTime(reason: string | undefined): string | undefined {
  const match = reason?.match(/\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/);
  return match ? `${match[1]}T${match[2]}Z` : undefined;
}

export default defineCheck({
  id: 'ec2-instance-not-stopped-long',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: {
    en: 'EC2 instances are not left stopped for long',
    ko: 'EC2 인스턴스가 오래 중지된 채 방치되지 않음',
  },
  failureLabel: { en: 'EC2 instances stopped for a long time', ko: '오래 중지된 EC2 인스턴스' },
  description: {
    en: 'A stopped instance costs nothing for compute, but its EBS volumes (and any Elastic IP) are still billed. Stopped for more than 30 days usually means forgotten.',
    ko: '중지된 인스턴스는 컴퓨팅 요금은 없지만 EBS 볼륨(과 탄력적 IP)은 계속 과금됩니다. 30일 넘게 중지되어 있다면 대개 잊힌 인스턴스입니다.',
  },
  remediation: {
    why: {
      en: 'A stopped instance still pays for its EBS volumes and Elastic IPs, often long after anyone remembers it.',
      ko: '중지된 인스턴스도 EBS 볼륨과 탄력적 IP 요금은 계속 나가며, 대개 아무도 기억하지 못한 채 방치됩니다.',
    },
    steps: {
      en: [
        'Ask the owner; if the instance is no longer needed, create an image (its data is kept as snapshots, cheaper than volumes) and terminate it.',
        'EC2 → Instances → select → Actions → Image and templates → Create image; then Instance state → Terminate.',
      ],
      ko: [
        '소유자에게 확인하고 더 이상 필요 없으면 이미지를 만든 뒤(데이터는 볼륨보다 저렴한 스냅샷으로 보관됨) 종료하세요.',
        'EC2 → 인스턴스 → 선택 → 작업 → 이미지 및 템플릿 → 이미지 생성, 그다음 인스턴스 상태 → 종료.',
      ],
    },
    commands: [
      'aws ec2 create-image --instance-id {{resourceId}} --name archive-{{resourceId}} --region {{region}}',
      'aws ec2 terminate-instances --instance-ids {{resourceId}} --region {{region}}',
    ],
  },
  compliance: { fsbp: ['EC2.4'], ismsp: ['2.1.3'] },
  docs: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Stop_Start.html',
    'https://aws.amazon.com/ebs/pricing/',
  ],
  requires: ['ec2.instances', 'ec2.volumes'],
  settings: {
    maxStoppedDays: {
      default: 30,
      min: 1,
      max: 3650,
      unit: 'days',
      description: { en: 'Stopped longer than this fails', ko: '이보다 오래 중지되면 실패' },
    },
  },
  evaluate(ctx) {
    const volumes = ctx.records('ec2.volumes');
    return liveInstances(ctx.records('ec2.instances')).map((i): FindingDraft => {
      const label = labelOf(i.instanceId, i.name);
      const base = instanceResource(i);
      if (i.state !== 'stopped') {
        return {
          ...base,
          status: 'pass' as const,
          message: {
            en: `${label} is ${i.state}.`,
            ko: `${label}${particle(label, '은/는')} ${i.state} 상태입니다.`,
          },
        };
      }
      const since = i.stateTransitionTime ?? parseTransitionTime(i.stateTransitionReason);
      if (!since || Number.isNaN(Date.parse(since))) {
        return {
          ...base,
          status: 'unknown' as const,
          message: {
            en: `${label} is stopped but the stop date could not be read from "${i.stateTransitionReason ?? ''}".`,
            ko: `${label}${particle(label, '은/는')} 중지 상태이지만 "${i.stateTransitionReason ?? ''}"에서 중지 날짜를 읽을 수 없습니다.`,
          },
        };
      }
      const days = daysBetween(since, ctx.now);
      if (days <= ctx.settings.maxStoppedDays) {
        return {
          ...base,
          status: 'pass' as const,
          details: { stoppedDays: days },
          message: {
            en: `${label} has been stopped for ${days} days.`,
            ko: `${label}${particle(label, '은/는')} ${days}일째 중지 상태입니다.`,
          },
        };
      }
      const attached = volumes.filter(
        (v) =>
          v.region === i.region &&
          (i.volumeIds.includes(v.volumeId) || v.attachments.some((a) => a.instanceId === i.instanceId)),
      );
      const costs = attached.map((v) => ({ v, cost: volumeMonthlyCost(v, ctx.prices) }));
      const priced = costs.every((c) => c.cost !== undefined);
      const savings = priced ? costs.reduce((sum, c) => sum + (c.cost?.monthlyUsd ?? 0), 0) : undefined;
      const list = attached.map((v) => `${v.volumeId} ${v.sizeGiB} GiB ${v.volumeType}`).join(', ') || 'none';
      return {
        ...base,
        status: 'fail' as const,
        details: { stoppedDays: days, stoppedSince: since, volumes: list },
        estimatedMonthlySavingsUsd: savings,
        savingsBasis:
          savings !== undefined && savings > 0
            ? savingsBasis(
                {
                  en: `attached volumes: ${costs.map((c) => c.cost?.formula.en).join(' + ')}`,
                  ko: `연결된 볼륨: ${costs.map((c) => c.cost?.formula.ko).join(' + ')}`,
                },
                costs.flatMap((c) => c.cost?.prices ?? []),
              )
            : undefined,
        message: {
          en: `${label} has been stopped for ${days} days (since ${since.slice(0, 10)}); its volumes (${list}) are still billed${savings ? ` about ${usd(savings)} a month` : ''}: create an AMI and terminate it if it is not needed.`,
          ko: `${label}${particle(label, '은/는')} ${days}일째 중지 상태입니다 (${since.slice(0, 10)}부터). 볼륨(${list})은 계속 과금됩니다${savings ? ` (월 약 ${usd(savings)})` : ''}. 필요 없으면 AMI를 만들고 종료하세요.`,
        },
      };
    });
  },
});
