import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances, notRunning } from '../lib/ec2.js';
import { monthlyFromHourly, NO_PRICE, savingsBasis, savingsSuffix } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import {
  CPU_UTILIZATION,
  countIdleDays,
  metricsIndex,
  noDatapoints,
  windowDaysSetting,
} from '../lib/utilization.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-not-idle',
  service: 'ec2',
  category: 'cost',
  severity: 'medium',
  title: { en: 'Running EC2 instances are not idle', ko: '실행 중인 EC2 인스턴스가 유휴 상태가 아님' },
  failureLabel: { en: 'Idle EC2 instances', ko: '유휴 EC2 인스턴스' },
  description: {
    en: 'An instance whose daily average CPU stays at or below 10 % and whose daily network traffic stays at or below 5 MB on 4 or more of the last 14 days is probably doing nothing while billed in full.',
    ko: '최근 14일 중 4일 이상 일평균 CPU가 10% 이하이고 일일 네트워크 트래픽이 5MB 이하인 인스턴스는 요금 전액이 과금되면서도 아무 일도 하지 않을 가능성이 큽니다.',
  },
  remediation: {
    why: {
      en: 'An idle instance is billed in full for doing nothing.',
      ko: '유휴 인스턴스는 아무 일도 하지 않으면서 요금은 전부 부과됩니다.',
    },
    steps: {
      en: [
        'Confirm with the owner (tags) that the instance is unused; create an image first if its disks may be needed.',
        'EC2 → Instances → select → Instance state → Stop (or Terminate).',
        'Schedule development and test instances to stop outside working hours (Instance Scheduler).',
      ],
      ko: [
        '소유자(태그)에게 사용하지 않는 인스턴스인지 확인하고, 디스크가 필요할 수 있으면 먼저 이미지를 만드세요.',
        'EC2 → 인스턴스 → 선택 → 인스턴스 상태 → 중지(또는 종료).',
        '개발·테스트 인스턴스는 업무 시간 외에 중지되도록 예약하세요(Instance Scheduler).',
      ],
    },
    commands: [
      'aws ec2 create-image --instance-id {{resourceId}} --name backup-{{resourceId}} --region {{region}}',
      'aws ec2 stop-instances --instance-ids {{resourceId}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://docs.aws.amazon.com/awssupport/latest/user/cost-optimization-checks.html',
    'https://aws.amazon.com/ec2/pricing/on-demand/',
  ],
  requires: ['ec2.instances', 'ec2.instance-metrics'],
  settings: {
    windowDays: windowDaysSetting(),
    minIdleDays: {
      default: 4,
      min: 1,
      max: 14,
      unit: 'days',
      description: { en: 'Idle days needed to fail', ko: '실패로 판정할 유휴 일수' },
    },
    cpuPercent: {
      default: 10,
      min: 0,
      max: 100,
      unit: '%',
      description: {
        en: 'Daily average CPU at or below this is idle',
        ko: '일평균 CPU가 이 값 이하이면 유휴',
      },
    },
    networkMb: {
      default: 5,
      min: 0,
      max: 100_000,
      unit: 'MB',
      description: {
        en: 'Daily NetworkIn+NetworkOut at or below this (decimal MB) is idle',
        ko: '일일 NetworkIn+NetworkOut이 이 값(MB, 10진) 이하이면 유휴',
      },
    },
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = metricsIndex(ctx.records('ec2.instance-metrics'));
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const base = { ...instanceResource(i), details: { instanceType: i.instanceType } };
      const stopped = notRunning(i, label);
      if (stopped) return { ...base, ...stopped };
      const m = metrics.get(`${i.region}/${i.instanceId}`);
      const count = m && countIdleDays(m, ctx.now, s);
      if (!count || count.daysWithData === 0) {
        return { ...base, ...noDatapoints(label, CPU_UTILIZATION, s.windowDays) };
      }
      const details = { ...base.details, idleDays: count.idleDays, daysWithData: count.daysWithData };
      if (count.idleDays < s.minIdleDays) {
        return {
          ...base,
          details,
          status: 'pass' as const,
          message: {
            en: `${label} was idle on ${count.idleDays} of ${count.daysWithData} days (fails at ${s.minIdleDays}).`,
            ko: `${label}${particle(label, '은/는')} ${count.daysWithData}일 중 ${count.idleDays}일 유휴 상태였습니다 (${s.minIdleDays}일 이상이면 실패).`,
          },
        };
      }
      const price = ctx.prices.ec2InstanceHourly(
        i.region,
        i.instanceType,
        i.platform === 'windows' ? 'windows' : 'linux',
      );
      const savings = price ? monthlyFromHourly(price) : undefined;
      const suffix = savingsSuffix(savings);
      return {
        ...base,
        details,
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: savings,
        savingsBasis: price
          ? savingsBasis(
              { en: `${price.usd} USD/hour × 730 hours`, ko: `시간당 ${price.usd} USD × 730시간` },
              [
                {
                  label: { en: `${i.instanceType} On-Demand`, ko: `${i.instanceType} 온디맨드` },
                  quote: price,
                },
              ],
            )
          : NO_PRICE,
        message: {
          en: `${label} (${i.instanceType}) was idle on ${count.idleDays} of the last ${s.windowDays} days (CPU ≤ ${s.cpuPercent} % and network ≤ ${s.networkMb} MB a day): stop or terminate it${suffix.en}.`,
          ko: `${label} (${i.instanceType})${particle(label, '은/는')} 최근 ${s.windowDays}일 중 ${count.idleDays}일 유휴 상태였습니다 (일 CPU ≤ ${s.cpuPercent}%, 네트워크 ≤ ${s.networkMb}MB). 중지하거나 종료하세요${suffix.ko}.`,
        },
      };
    });
  },
});
