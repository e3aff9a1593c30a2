import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances, notRunning } from '../lib/ec2.js';
import { lastDays } from '../lib/metrics.js';
import { labelOf } from '../lib/text.js';
import { CPU_UTILIZATION, metricsIndex, noDatapoints, windowDaysSetting } from '../lib/utilization.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-not-overutilized',
  service: 'ec2',
  category: 'performance',
  severity: 'medium',
  title: {
    en: 'Running EC2 instances are not overutilized',
    ko: '실행 중인 EC2 인스턴스가 과부하 상태가 아님',
  },
  failureLabel: { en: 'Overutilized EC2 instances', ko: '과부하 상태의 EC2 인스턴스' },
  description: {
    en: 'An instance whose daily average CPU is above 90 % on 4 or more of the last 14 days is likely slowing its workload down (and burstable types run out of credits).',
    ko: '최근 14일 중 4일 이상 일평균 CPU가 90%를 넘는 인스턴스는 워크로드를 느리게 만들 가능성이 큽니다 (버스트 가능 유형은 크레딧이 소진됩니다).',
  },
  remediation: {
    why: {
      en: 'An instance at its CPU limit answers slowly and may fail under the next peak.',
      ko: 'CPU 한계에 이른 인스턴스는 응답이 느려지고 다음 최대 부하에서 장애가 날 수 있습니다.',
    },
    steps: {
      en: [
        'Move to a larger size or a compute-optimized family, or scale out behind a load balancer with an Auto Scaling group.',
        'EC2 → Instances → select → Instance state → Stop → Actions → Instance settings → Change instance type → Start.',
      ],
      ko: [
        '더 큰 크기나 컴퓨팅 최적화 패밀리로 옮기거나, 로드 밸런서와 Auto Scaling 그룹으로 수평 확장하세요.',
        'EC2 → 인스턴스 → 선택 → 인스턴스 상태 → 중지 → 작업 → 인스턴스 설정 → 인스턴스 유형 변경 → 시작.',
      ],
    },
    commands: [
      'aws ec2 stop-instances --instance-ids {{resourceId}} --region {{region}}',
      'aws ec2 modify-instance-attribute --instance-id {{resourceId}} --instance-type <NEW_TYPE> --region {{region}}',
      'aws ec2 start-instances --instance-ids {{resourceId}} --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.2'] },
  docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-resize.html'],
  requires: ['ec2.instances', 'ec2.instance-metrics'],
  settings: {
    windowDays: windowDaysSetting(),
    minBusyDays: {
      default: 4,
      min: 1,
      max: 14,
      unit: 'days',
      description: { en: 'Busy days needed to fail', ko: '실패로 판정할 과부하 일수' },
    },
    cpuPercent: {
      default: 90,
      min: 1,
      max: 100,
      unit: '%',
      description: { en: 'Daily average CPU above this is busy', ko: '일평균 CPU가 이 값을 넘으면 과부하' },
    },
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = metricsIndex(ctx.records('ec2.instance-metrics'));
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const base = instanceResource(i);
      const stopped = notRunning(i, label);
      if (stopped) return { ...base, ...stopped };
      const cpu = lastDays(
        metrics.get(`${i.region}/${i.instanceId}`)?.cpuDailyAverage ?? [],
        ctx.now,
        s.windowDays,
      );
      if (cpu.length === 0) return { ...base, ...noDatapoints(label, CPU_UTILIZATION, s.windowDays) };
      const busyDays = cpu.filter((p) => p.v > s.cpuPercent).length;
      const details = { instanceType: i.instanceType, busyDays, daysWithData: cpu.length };
      return busyDays >= s.minBusyDays
        ? {
            ...base,
            details,
            status: 'fail' as const,
            message: {
              en: `${label} (${i.instanceType}) averaged more than ${s.cpuPercent} % CPU on ${busyDays} of the last ${s.windowDays} days: move to a larger size or scale out.`,
              ko: `${label} (${i.instanceType})${particle(label, '은/는')} 최근 ${s.windowDays}일 중 ${busyDays}일 동안 일평균 CPU가 ${s.cpuPercent}%를 넘었습니다. 더 큰 크기로 변경하거나 수평 확장하세요.`,
            },
          }
        : {
            ...base,
            details,
            status: 'pass' as const,
            message: {
              en: `${label} averaged more than ${s.cpuPercent} % CPU on ${busyDays} of ${cpu.length} days (fails at ${s.minBusyDays}).`,
              ko: `${label}${particle(label, '은/는')} ${cpu.length}일 중 ${busyDays}일 동안 일평균 CPU가 ${s.cpuPercent}%를 넘었습니다 (${s.minBusyDays}일 이상이면 실패).`,
            },
          };
    });
  },
});
