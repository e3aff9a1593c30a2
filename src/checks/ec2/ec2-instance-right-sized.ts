import { particle } from '../../core/korean.js';
import { instanceResource, liveInstances } from '../lib/ec2.js';
import { ec2OneSizeDown, knownEc2Type } from '../lib/instance-types.js';
import { round1 } from '../lib/metrics.js';
import { hourlySwitchSavings, NO_PRICE, savingsSuffix } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import {
  CPU_MAXIMUM,
  countIdleDays,
  DEFAULT_IDLE_RULE,
  DEFAULT_MIN_IDLE_DAYS,
  maxCpu,
  maxCpuPercentSetting,
  metricsIndex,
  noDatapoints,
  windowDaysSetting,
} from '../lib/utilization.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'ec2-instance-right-sized',
  service: 'ec2',
  category: 'cost',
  severity: 'low',
  title: { en: 'Running EC2 instances are right-sized', ko: '실행 중인 EC2 인스턴스의 크기가 적절함' },
  failureLabel: { en: 'Oversized EC2 instances', ko: '크기가 과한 EC2 인스턴스' },
  description: {
    en: 'An instance that is not idle but whose CPU never peaked at 40 % or more in 14 days can usually run one size smaller in the same family for about half the price.',
    ko: '유휴 상태는 아니지만 14일 동안 CPU 최대치가 한 번도 40%에 이르지 않은 인스턴스는 대개 같은 패밀리의 한 단계 작은 크기로 절반 가격에 실행할 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'An instance that never uses most of its CPU costs more than a smaller size that would do the same work.',
      ko: 'CPU를 대부분 쓰지 않는 인스턴스는 같은 일을 할 수 있는 더 작은 크기보다 비용이 더 듭니다.',
    },
    steps: {
      en: [
        'Check memory and network needs too (CloudWatch agent mem_used_percent), then resize in a maintenance window.',
        'EC2 → Instances → select → Instance state → Stop → Actions → Instance settings → Change instance type → the recommended type → Start.',
      ],
      ko: [
        '메모리와 네트워크 사용량도 확인한 뒤(CloudWatch 에이전트의 mem_used_percent) 유지 보수 시간에 크기를 바꾸세요.',
        'EC2 → 인스턴스 → 선택 → 인스턴스 상태 → 중지 → 작업 → 인스턴스 설정 → 인스턴스 유형 변경 → 권장 유형 → 시작.',
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
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-resize.html',
    'https://docs.aws.amazon.com/compute-optimizer/latest/ug/view-ec2-recommendations.html',
  ],
  requires: ['ec2.instances', 'ec2.instance-metrics'],
  settings: {
    windowDays: windowDaysSetting(),
    maxCpuPercent: maxCpuPercentSetting(),
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = metricsIndex(ctx.records('ec2.instance-metrics'));
    return liveInstances(ctx.records('ec2.instances')).map((i) => {
      const label = labelOf(i.instanceId, i.name);
      const base = instanceResource(i);
      const na = (en: string, ko: string) => ({
        ...base,
        status: 'not_applicable' as const,
        message: { en: `${label} ${en}`, ko: `${label}${particle(label, '은/는')} ${ko}` },
      });
      if (i.state !== 'running') return na(`is ${i.state}, not running.`, `실행 중이 아닙니다 (${i.state}).`);
      const m = metrics.get(`${i.region}/${i.instanceId}`);
      const peak = m && maxCpu(m.cpuDailyMaximum, ctx.now, s.windowDays);
      if (!m || peak === undefined) return { ...base, ...noDatapoints(label, CPU_MAXIMUM, s.windowDays) };
      // Idle instances belong to ec2-instance-not-idle (stop them rather than shrink them).
      if (countIdleDays(m, ctx.now, DEFAULT_IDLE_RULE).idleDays >= DEFAULT_MIN_IDLE_DAYS) {
        return na(
          'is idle: see ec2-instance-not-idle.',
          '유휴 상태입니다. ec2-instance-not-idle 점검을 참고하세요.',
        );
      }
      const details = { instanceType: i.instanceType, maxCpuPercent: round1(peak) };
      if (peak >= s.maxCpuPercent) {
        return {
          ...base,
          details,
          status: 'pass' as const,
          message: {
            en: `${label} peaked at ${round1(peak)} % CPU (threshold ${s.maxCpuPercent} %).`,
            ko: `${label}의 CPU 최대치는 ${round1(peak)}%입니다 (기준 ${s.maxCpuPercent}%).`,
          },
        };
      }
      if (!knownEc2Type(i.instanceType)) {
        return na(
          `(${i.instanceType}): the size ladder of this family is not known.`,
          `(${i.instanceType}): 이 패밀리의 크기 목록을 알 수 없습니다.`,
        );
      }
      const smaller = ec2OneSizeDown(i.instanceType);
      if (!smaller) {
        return {
          ...base,
          details,
          status: 'pass' as const,
          message: {
            en: `${label} peaked at ${round1(peak)} % CPU but ${i.instanceType} is already the smallest size of its family.`,
            ko: `${label}의 CPU 최대치는 ${round1(peak)}%이지만 ${i.instanceType}${particle(i.instanceType, '은/는')} 이미 패밀리의 가장 작은 크기입니다.`,
          },
        };
      }
      const platform = i.platform === 'windows' ? 'windows' : 'linux';
      const price = (type: string) => ({
        type,
        quote: ctx.prices.ec2InstanceHourly(i.region, type, platform),
      });
      const saving = hourlySwitchSavings(price(i.instanceType), price(smaller));
      const suffix = savingsSuffix(saving?.savings);
      return {
        ...base,
        details: { ...details, recommendedType: smaller },
        status: 'fail' as const,
        estimatedMonthlySavingsUsd: saving?.savings,
        savingsBasis: saving?.basis ?? NO_PRICE,
        message: {
          en: `${label} (${i.instanceType}) peaked at ${round1(peak)} % CPU over ${s.windowDays} days (below ${s.maxCpuPercent} %): resize to ${smaller}${suffix.en}.`,
          ko: `${label} (${i.instanceType})의 ${s.windowDays}일 CPU 최대치는 ${round1(peak)}%입니다 (${s.maxCpuPercent}% 미만). ${smaller}${particle(smaller, '으로/로')} 변경하세요${suffix.ko}.`,
        },
      };
    });
  },
});
