import { particle } from '../../core/korean.js';
import { knownRdsClass, rdsOneSizeDown } from '../lib/instance-types.js';
import { round1 } from '../lib/metrics.js';
import { rdsHourly, rdsMetricsIndex, rdsResource } from '../lib/rds.js';
import { hourlySwitchSavings, NO_PRICE, savingsSuffix } from '../lib/savings.js';
import {
  CPU_UTILIZATION,
  maxCpu,
  maxCpuPercentSetting,
  noDatapoints,
  windowDaysSetting,
} from '../lib/utilization.js';
import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 'rds-instance-right-sized',
  service: 'rds',
  category: 'cost',
  severity: 'low',
  title: { en: 'RDS instances are right-sized', ko: 'RDS 인스턴스의 크기가 적절함' },
  failureLabel: { en: 'Oversized RDS instances', ko: '크기가 과한 RDS 인스턴스' },
  description: {
    en: 'A DB instance whose CPU never peaked at 40 % or more in 14 days can usually run on one class size smaller for about half the price.',
    ko: '14일 동안 CPU 최대치가 한 번도 40%에 이르지 않은 DB 인스턴스는 대개 한 단계 작은 클래스로 절반 가격에 실행할 수 있습니다.',
  },
  remediation: {
    why: {
      en: 'A database class that never uses most of its CPU costs more than a smaller class that would do the same work.',
      ko: 'CPU를 대부분 쓰지 않는 DB 클래스는 같은 일을 할 수 있는 더 작은 클래스보다 비용이 더 듭니다.',
    },
    steps: {
      en: [
        'Check memory (FreeableMemory) and connections too, then change the class in the maintenance window (Multi-AZ instances switch with a short failover).',
        'RDS → Databases → select → Modify → DB instance class → the recommended class → Continue.',
      ],
      ko: [
        '메모리(FreeableMemory)와 연결 수도 확인한 뒤 유지 관리 기간에 클래스를 바꾸세요(다중 AZ 인스턴스는 짧은 장애 조치로 전환됨).',
        'RDS → 데이터베이스 → 선택 → 수정 → DB 인스턴스 클래스 → 권장 클래스 → 계속.',
      ],
    },
    commands: [
      'aws rds modify-db-instance --db-instance-identifier {{resourceId}} --db-instance-class {{details.recommendedClass}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html',
    'https://aws.amazon.com/rds/pricing/',
  ],
  requires: ['rds.instances', 'rds.instance-metrics'],
  settings: {
    windowDays: windowDaysSetting(),
    maxCpuPercent: maxCpuPercentSetting(),
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = rdsMetricsIndex(ctx.records('rds.instance-metrics'));
    return ctx.records('rds.instances').map((db): FindingDraft => {
      const label = db.dbInstanceIdentifier;
      const base = rdsResource(db);
      const peak = maxCpu(metrics.get(`${db.region}/${label}`)?.cpuDailyMaximum ?? [], ctx.now, s.windowDays);
      if (peak === undefined) return { ...base, ...noDatapoints(label, CPU_UTILIZATION, s.windowDays) };
      const details = { instanceClass: db.dbInstanceClass, maxCpuPercent: round1(peak) };
      if (peak >= s.maxCpuPercent) {
        return {
          ...base,
          details,
          status: 'pass',
          message: {
            en: `${label} peaked at ${round1(peak)} % CPU (threshold ${s.maxCpuPercent} %).`,
            ko: `${label}의 CPU 최대치는 ${round1(peak)}%입니다 (기준 ${s.maxCpuPercent}%).`,
          },
        };
      }
      if (!knownRdsClass(db.dbInstanceClass)) {
        return {
          ...base,
          details,
          status: 'not_applicable',
          message: {
            en: `${label} (${db.dbInstanceClass}): the size ladder of this class family is not known.`,
            ko: `${label} (${db.dbInstanceClass}): 이 클래스 패밀리의 크기 목록을 알 수 없습니다.`,
          },
        };
      }
      const smaller = rdsOneSizeDown(db.dbInstanceClass);
      if (!smaller) {
        return {
          ...base,
          details,
          status: 'pass',
          message: {
            en: `${label} peaked at ${round1(peak)} % CPU but ${db.dbInstanceClass} is already the smallest class of its family.`,
            ko: `${label}의 CPU 최대치는 ${round1(peak)}%이지만 ${db.dbInstanceClass}${particle(db.dbInstanceClass, '은/는')} 이미 가장 작은 클래스입니다.`,
          },
        };
      }
      const az = db.multiAZ ? { en: 'Multi-AZ', ko: '다중 AZ' } : { en: 'Single-AZ', ko: '단일 AZ' };
      const saving = hourlySwitchSavings(rdsHourly(ctx.prices, db), rdsHourly(ctx.prices, db, smaller), {
        en: `${db.engine} ${az.en}`,
        ko: `${db.engine} ${az.ko}`,
      });
      const suffix = savingsSuffix(saving?.savings);
      return {
        ...base,
        details: { ...details, recommendedClass: smaller },
        status: 'fail',
        estimatedMonthlySavingsUsd: saving?.savings,
        savingsBasis: saving?.basis ?? NO_PRICE,
        message: {
          en: `${label} (${db.dbInstanceClass}) peaked at ${round1(peak)} % CPU over ${s.windowDays} days (below ${s.maxCpuPercent} %): move to ${smaller}${suffix.en}.`,
          ko: `${label} (${db.dbInstanceClass})의 ${s.windowDays}일 CPU 최대치는 ${round1(peak)}%입니다 (${s.maxCpuPercent}% 미만). ${smaller}${particle(smaller, '으로/로')} 변경하세요${suffix.ko}.`,
        },
      };
    });
  },
});
