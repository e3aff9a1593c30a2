import { particle } from '../../core/korean.js';
import { lastDays, maxOf } from '../lib/metrics.js';
import { rdsMetricsIndex, rdsResource } from '../lib/rds.js';
import { monthlyFromHourly, NO_PRICE, savingsBasis, savingsSuffix } from '../lib/savings.js';
import { DATABASE_CONNECTIONS, noDatapoints, windowDaysSetting } from '../lib/utilization.js';
import { defineCheck, type FindingDraft } from '../types.js';

export default defineCheck({
  id: 'rds-instance-not-idle',
  service: 'rds',
  category: 'cost',
  severity: 'medium',
  title: { en: 'RDS instances are not idle', ko: 'RDS 인스턴스가 유휴 상태가 아님' },
  failureLabel: { en: 'Idle RDS instances', ko: '유휴 RDS 인스턴스' },
  description: {
    en: 'A DB instance that had no connection at all in the last 7 days is probably unused, yet billed every hour.',
    ko: '최근 7일 동안 연결이 한 번도 없었던 DB 인스턴스는 사용되지 않을 가능성이 크지만 매시간 과금됩니다.',
  },
  remediation: {
    why: {
      en: 'A database nobody connects to is billed in full for its instance and storage.',
      ko: '아무도 연결하지 않는 데이터베이스도 인스턴스와 스토리지 요금은 전부 부과됩니다.',
    },
    steps: {
      en: [
        'Confirm with the owner, take a final snapshot and delete the instance (stopping is temporary: RDS starts stopped instances again after 7 days).',
        'RDS → Databases → select → Actions → Delete → Create final snapshot.',
      ],
      ko: [
        '소유자에게 확인하고 최종 스냅샷을 만든 뒤 인스턴스를 삭제하세요(중지는 임시방편으로, RDS는 7일 뒤 다시 시작합니다).',
        'RDS → 데이터베이스 → 선택 → 작업 → 삭제 → 최종 스냅샷 생성.',
      ],
    },
    commands: [
      'aws rds delete-db-instance --db-instance-identifier {{resourceId}} --final-db-snapshot-identifier {{resourceId}}-final --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://docs.aws.amazon.com/awssupport/latest/user/cost-optimization-checks.html',
    'https://aws.amazon.com/rds/pricing/',
  ],
  requires: ['rds.instances', 'rds.instance-metrics'],
  settings: {
    windowDays: windowDaysSetting(7),
  },
  evaluate(ctx) {
    const days = ctx.settings.windowDays;
    const metrics = rdsMetricsIndex(ctx.records('rds.instance-metrics'));
    return ctx.records('rds.instances').map((db): FindingDraft => {
      const label = db.dbInstanceIdentifier;
      const base = rdsResource(db);
      if (db.status !== undefined && db.status !== 'available') {
        return {
          ...base,
          status: 'not_applicable',
          message: {
            en: `${label} is ${db.status}, not available.`,
            ko: `${label}${particle(label, '은/는')} ${db.status} 상태입니다.`,
          },
        };
      }
      const peak = maxOf(
        lastDays(metrics.get(`${db.region}/${label}`)?.connectionsDailyMaximum ?? [], ctx.now, days),
      );
      if (peak === undefined) return { ...base, ...noDatapoints(label, DATABASE_CONNECTIONS, days) };
      if (peak > 0) {
        return {
          ...base,
          status: 'pass',
          details: { maxConnections: peak },
          message: {
            en: `${label} had up to ${peak} connections in the last ${days} days.`,
            ko: `${label}${particle(label, '은/는')} 최근 ${days}일 동안 최대 ${peak}개의 연결이 있었습니다.`,
          },
        };
      }
      const price = ctx.prices.rdsInstanceHourly(db.region, db.dbInstanceClass, db.engine, db.multiAZ);
      const savings = price ? monthlyFromHourly(price) : undefined;
      const suffix = savingsSuffix(savings);
      return {
        ...base,
        status: 'fail',
        details: { maxConnections: 0, instanceClass: db.dbInstanceClass },
        estimatedMonthlySavingsUsd: savings,
        savingsBasis: price
          ? savingsBasis(
              {
                en: `${price.usd} USD/hour × 730 hours (${db.multiAZ ? 'Multi-AZ = 2 × Single-AZ' : 'Single-AZ'})`,
                ko: `시간당 ${price.usd} USD × 730시간 (${db.multiAZ ? '다중 AZ = 단일 AZ × 2' : '단일 AZ'})`,
              },
              [
                {
                  label: {
                    en: `${db.dbInstanceClass} ${db.engine}`,
                    ko: `${db.dbInstanceClass} ${db.engine}`,
                  },
                  quote: price,
                },
              ],
            )
          : NO_PRICE,
        message: {
          en: `${label} (${db.dbInstanceClass}, ${db.engine}) had no connections in the last ${days} days: snapshot and delete it${suffix.en}.`,
          ko: `${label} (${db.dbInstanceClass}, ${db.engine})${particle(label, '은/는')} 최근 ${days}일 동안 연결이 없었습니다. 스냅샷을 만든 뒤 삭제하세요${suffix.ko}.`,
        },
      };
    });
  },
});
