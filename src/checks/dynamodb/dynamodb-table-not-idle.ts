import { particle } from '../../core/korean.js';
import { HOURS_PER_MONTH } from '../../core/prices.js';
import { perResource, type Verdict } from '../lib/per-resource.js';
import { NO_PRICE, savingsBasis, savingsSuffix } from '../lib/savings.js';
import { idleSumWindowSetting, sumInWindow } from '../lib/utilization.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'dynamodb-table-not-idle',
  service: 'dynamodb',
  category: 'cost',
  severity: 'low',
  title: { en: 'Provisioned DynamoDB tables are used', ko: '프로비저닝된 DynamoDB 테이블이 사용되고 있음' },
  failureLabel: { en: 'Idle provisioned DynamoDB tables', ko: '유휴 상태인 프로비저닝된 DynamoDB 테이블' },
  description: {
    en: 'Fails when a table in PROVISIONED billing mode consumed no read and no write capacity in the last 30 days (ConsumedReadCapacityUnits + ConsumedWriteCapacityUnits sum to 0); unknown when CloudWatch has no datapoints at all.',
    ko: 'PROVISIONED 요금 모드 테이블이 최근 30일 동안 읽기와 쓰기 용량을 전혀 쓰지 않았으면(ConsumedReadCapacityUnits와 ConsumedWriteCapacityUnits 합계가 0) 실패이고, CloudWatch 데이터 포인트가 하나도 없으면 알 수 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Provisioned capacity is billed every hour whether or not anyone reads or writes the table.',
      ko: '프로비저닝된 용량은 테이블을 읽거나 쓰는지와 관계없이 매시간 과금됩니다.',
    },
    steps: {
      en: [
        'Confirm with the owner that the table is no longer needed; if it is, export or back it up (Backups → Create backup) and delete it.',
        'If it must stay but is rarely used, switch it to on-demand: DynamoDB → Tables → the table → Additional settings → Read/write capacity → Edit → On-demand.',
      ],
      ko: [
        '테이블이 더 이상 필요 없는지 소유자에게 확인하고, 필요 없다면 내보내거나 백업한 뒤(백업 → 백업 생성) 삭제하세요.',
        '유지해야 하지만 거의 쓰지 않는다면 온디맨드로 바꾸세요: DynamoDB → 테이블 → 해당 테이블 → 추가 설정 → 읽기/쓰기 용량 → 편집 → 온디맨드.',
      ],
    },
    commands: [
      'aws dynamodb update-table --table-name {{resourceId}} --billing-mode PAY_PER_REQUEST --region {{region}}',
      'aws dynamodb create-backup --table-name {{resourceId}} --backup-name {{resourceId}}-final --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html',
    'https://aws.amazon.com/dynamodb/pricing/provisioned/',
  ],
  compliance: {
    noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it',
  },
  requires: ['dynamodb.tables', 'dynamodb.table-metrics'],
  requiresFields: { 'dynamodb.tables': ['billingMode'] },
  settings: {
    windowDays: idleSumWindowSetting({
      en: 'Days of consumed capacity looked at (the collection keeps 30).',
      ko: '소비된 용량을 살펴볼 일수입니다(수집 데이터는 30일치).',
    }),
  },
  evaluate(ctx) {
    const days = ctx.settings.windowDays;
    const metrics = new Map(
      ctx.records('dynamodb.table-metrics').map((m) => [`${m.region}/${m.tableName}`, m]),
    );
    return perResource(ctx, 'dynamodb.tables', (table): Verdict => {
      const name = table.tableName;
      if (table.billingMode !== 'PROVISIONED') {
        return {
          status: 'not_applicable',
          message: {
            en: `Table ${name} is billed per request (${table.billingMode}).`,
            ko: `테이블 ${name}${particle(name, '은/는')} 요청 단위로 과금됩니다(${table.billingMode}).`,
          },
        };
      }
      const m = metrics.get(`${table.region}/${name}`);
      const consumed = sumInWindow(
        [m?.consumedReadDailySum ?? [], m?.consumedWriteDailySum ?? []],
        ctx.now,
        days,
      );
      if (consumed === undefined) {
        return {
          status: 'unknown',
          message: {
            en: `Table ${name}: CloudWatch has no ConsumedReadCapacityUnits or ConsumedWriteCapacityUnits datapoints for the last ${days} days.`,
            ko: `테이블 ${name}: 최근 ${days}일 동안 CloudWatch에 ConsumedReadCapacityUnits와 ConsumedWriteCapacityUnits 데이터 포인트가 없습니다.`,
          },
        };
      }
      if (consumed > 0) {
        return {
          status: 'pass',
          details: { consumedCapacityUnits: consumed },
          message: {
            en: `Table ${name} consumed ${consumed} capacity units in the last ${days} days.`,
            ko: `테이블 ${name}${particle(name, '은/는')} 최근 ${days}일 동안 용량 단위 ${consumed}개를 소비했습니다.`,
          },
        };
      }
      const rcu = table.readCapacityUnits ?? 0;
      const wcu = table.writeCapacityUnits ?? 0;
      const read = ctx.prices.dynamodbCapacityUnitHourly(table.region, 'read');
      const write = ctx.prices.dynamodbCapacityUnitHourly(table.region, 'write');
      const savings = read && write ? (rcu * read.usd + wcu * write.usd) * HOURS_PER_MONTH : undefined;
      const suffix = savingsSuffix(savings);
      return {
        status: 'fail',
        details: { consumedCapacityUnits: 0, readCapacityUnits: rcu, writeCapacityUnits: wcu },
        estimatedMonthlySavingsUsd: savings,
        savingsBasis:
          read && write
            ? savingsBasis(
                {
                  en: `(${rcu} RCU × ${read.usd} + ${wcu} WCU × ${write.usd}) USD/hour × ${HOURS_PER_MONTH} hours`,
                  ko: `(${rcu} RCU × ${read.usd} + ${wcu} WCU × ${write.usd}) USD/시간 × ${HOURS_PER_MONTH}시간`,
                },
                [
                  { label: { en: 'DynamoDB read capacity', ko: 'DynamoDB 읽기 용량' }, quote: read },
                  { label: { en: 'DynamoDB write capacity', ko: 'DynamoDB 쓰기 용량' }, quote: write },
                ],
              )
            : NO_PRICE,
        message: {
          en: `Table ${name} (${rcu} RCU, ${wcu} WCU provisioned) had no reads or writes in the last ${days} days: delete it or switch it to on-demand${suffix.en}.`,
          ko: `테이블 ${name}(RCU ${rcu}, WCU ${wcu} 프로비저닝)에는 최근 ${days}일 동안 읽기와 쓰기가 없었습니다. 삭제하거나 온디맨드로 바꾸세요${suffix.ko}.`,
        },
      };
    });
  },
});
