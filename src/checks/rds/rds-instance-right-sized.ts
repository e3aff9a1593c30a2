import { knownRdsClass, rdsOneSizeDown } from '../lib/instance-types.js';
import { lastDays, maxOf, round1 } from '../lib/metrics.js';
import { rdsResource } from '../lib/rds.js';
import { NO_PRICE, savingsBasis, usd } from '../lib/savings.js';
import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 'rds-instance-right-sized',
  service: 'rds',
  category: 'cost',
  severity: 'low',
  title: { en: 'RDS instances are right-sized', ko: 'RDS 인스턴스의 크기가 적절함' },
  description: {
    en: 'A DB instance whose CPU never peaked at 40 % or more in 14 days can usually run on one class size smaller for about half the price.',
    ko: '14일 동안 CPU 최대치가 한 번도 40%에 이르지 않은 DB 인스턴스는 대개 한 단계 작은 클래스로 절반 가격에 실행할 수 있습니다.',
  },
  remediation: {
    en: 'Check memory (FreeableMemory) and connections too, then change the class in the maintenance window (Multi-AZ instances switch with a short failover). Console: RDS → Databases → select → Modify → DB instance class → the recommended class → Continue → apply during the next maintenance window. CLI: aws rds modify-db-instance --db-instance-identifier <ID> --db-instance-class <NEW_CLASS>',
    ko: '메모리(FreeableMemory)와 연결 수도 확인한 뒤 유지 관리 기간에 클래스를 변경하세요(다중 AZ는 짧은 장애 조치로 전환). 콘솔: RDS → 데이터베이스 → 선택 → 수정 → DB 인스턴스 클래스 → 권장 클래스 → 계속 → 다음 유지 관리 기간에 적용. CLI: aws rds modify-db-instance --db-instance-identifier <ID> --db-instance-class <NEW_CLASS>',
  },
  docs: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html',
    'https://aws.amazon.com/rds/pricing/',
  ],
  requires: ['rds.instances', 'rds.instance-metrics'],
  settings: {
    windowDays: {
      default: 14,
      min: 1,
      max: 14,
      unit: 'days',
      description: { en: 'Days looked back', ko: '확인 기간(일)' },
    },
    maxCpuPercent: {
      default: 40,
      min: 1,
      max: 100,
      unit: '%',
      description: { en: 'Peak CPU below this means oversized', ko: 'CPU 최대치가 이 값 미만이면 과대 크기' },
    },
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = new Map(
      ctx.records('rds.instance-metrics').map((m) => [`${m.region}/${m.dbInstanceIdentifier}`, m]),
    );
    return ctx.records('rds.instances').map((db): FindingDraft => {
      const label = db.dbInstanceIdentifier;
      const base = rdsResource(db);
      // Daily maxima: their maximum equals the maximum hourly Maximum over the same window.
      const peak = maxOf(
        lastDays(metrics.get(`${db.region}/${label}`)?.cpuDailyMaximum ?? [], ctx.now, s.windowDays),
      );
      if (peak === undefined) {
        return {
          ...base,
          status: 'unknown',
          message: {
            en: `${label}: no CPUUtilization datapoints in the last ${s.windowDays} days.`,
            ko: `${label}: 최근 ${s.windowDays}일 동안 CPUUtilization 데이터가 없습니다.`,
          },
        };
      }
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
            ko: `${label}의 CPU 최대치는 ${round1(peak)}%이지만 ${db.dbInstanceClass}은(는) 이미 가장 작은 클래스입니다.`,
          },
        };
      }
      const now = ctx.prices.rdsInstanceHourly(db.region, db.dbInstanceClass, db.engine, db.multiAZ);
      const next = ctx.prices.rdsInstanceHourly(db.region, smaller, db.engine, db.multiAZ);
      const savings = now && next ? (now.usd - next.usd) * 730 : undefined;
      const az = db.multiAZ ? { en: 'Multi-AZ', ko: '다중 AZ' } : { en: 'Single-AZ', ko: '단일 AZ' };
      return {
        ...base,
        details: { ...details, recommendedClass: smaller },
        status: 'fail',
        estimatedMonthlySavingsUsd: savings,
        savingsBasis:
          now && next
            ? savingsBasis(
                {
                  en: `(${now.usd} − ${next.usd}) USD/hour × 730 hours, ${db.engine} ${az.en}`,
                  ko: `(${now.usd} − ${next.usd}) USD/시간 × 730시간, ${db.engine} ${az.ko}`,
                },
                [
                  { label: { en: db.dbInstanceClass, ko: db.dbInstanceClass }, quote: now },
                  { label: { en: smaller, ko: smaller }, quote: next },
                ],
              )
            : NO_PRICE,
        message: {
          en: `${label} (${db.dbInstanceClass}) peaked at ${round1(peak)} % CPU over ${s.windowDays} days (below ${s.maxCpuPercent} %): move to ${smaller}${savings !== undefined ? ` to save ${usd(savings)} a month` : ''}.`,
          ko: `${label} (${db.dbInstanceClass})의 ${s.windowDays}일 CPU 최대치는 ${round1(peak)}%입니다 (${s.maxCpuPercent}% 미만). ${smaller}(으)로 변경하세요${savings !== undefined ? ` (월 ${usd(savings)} 절감)` : ''}.`,
        },
      };
    });
  },
});
