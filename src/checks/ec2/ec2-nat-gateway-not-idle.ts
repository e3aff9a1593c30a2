import { particle } from '../../core/korean.js';
import type { LocalizedText } from '../../core/services.js';
import { perResource } from '../lib/per-resource.js';
import { monthlyFromHourly, NO_PRICE, savingsBasis, savingsSuffix } from '../lib/savings.js';
import { labelOf } from '../lib/text.js';
import { idleSumWindowSetting, noDatapoints, sumInWindow } from '../lib/utilization.js';
import { defineCheck } from '../types.js';

const BYTES_OUT: LocalizedText = { en: 'BytesOutToDestination', ko: 'BytesOutToDestination' };

export default defineCheck({
  id: 'ec2-nat-gateway-not-idle',
  service: 'ec2',
  category: 'cost',
  severity: 'medium',
  title: { en: 'NAT gateways carry traffic', ko: 'NAT 게이트웨이가 트래픽을 처리함' },
  failureLabel: { en: 'Idle NAT gateways', ko: '유휴 NAT 게이트웨이' },
  description: {
    en: 'Fails when an available NAT gateway sent no bytes to any destination (AWS/NATGateway BytesOutToDestination) in the last 30 days; it is billed every hour anyway.',
    ko: '사용 가능한 NAT 게이트웨이가 최근 30일 동안 어떤 대상에도 바이트를 보내지 않았으면(AWS/NATGateway BytesOutToDestination) 실패입니다. 그래도 매시간 요금이 부과됩니다.',
  },
  remediation: {
    why: {
      en: 'A NAT gateway costs its hourly charge whether or not anything uses it.',
      ko: 'NAT 게이트웨이는 사용 여부와 관계없이 시간당 요금이 부과됩니다.',
    },
    steps: {
      en: [
        'Check that no route table sends traffic to it that you still need (VPC → Route tables, target nat-…).',
        'VPC → NAT gateways → select → Actions → Delete NAT gateway; then release its Elastic IP (EC2 → Elastic IPs) so that it stops billing too.',
      ],
      ko: [
        '아직 필요한 트래픽을 이 게이트웨이로 보내는 라우팅 테이블이 없는지 확인하세요(VPC → 라우팅 테이블, 대상 nat-…).',
        'VPC → NAT 게이트웨이 → 선택 → 작업 → NAT 게이트웨이 삭제. 그다음 과금이 멈추도록 탄력적 IP도 해제하세요(EC2 → 탄력적 IP).',
      ],
    },
    commands: ['aws ec2 delete-nat-gateway --nat-gateway-id {{resourceId}} --region {{region}}'],
  },
  docs: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway-cloudwatch.html',
    'https://aws.amazon.com/vpc/pricing/',
  ],
  compliance: {
    noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it',
  },
  requires: ['ec2.nat-gateways', 'ec2.nat-gateway-metrics'],
  settings: {
    windowDays: idleSumWindowSetting(),
  },
  evaluate(ctx) {
    const days = ctx.settings.windowDays;
    const metrics = new Map(
      ctx
        .records('ec2.nat-gateway-metrics')
        .map((m) => [`${m.region}/${m.natGatewayId}`, m.bytesOutToDestinationDailySum]),
    );
    return perResource(
      ctx,
      'ec2.nat-gateways',
      (nat) => {
        const label = labelOf(nat.natGatewayId, nat.name);
        const bytes = sumInWindow([metrics.get(`${nat.region}/${nat.natGatewayId}`) ?? []], ctx.now, days);
        if (bytes === undefined) return noDatapoints(label, BYTES_OUT, days);
        if (bytes > 0) {
          return {
            status: 'pass',
            details: { bytesOutToDestination: bytes },
            message: {
              en: `${label} sent ${bytes} bytes in the last ${days} days.`,
              ko: `${label}${particle(label, '은/는')} 최근 ${days}일 동안 ${bytes}바이트를 보냈습니다.`,
            },
          };
        }
        const price = ctx.prices.natGatewayHourly(nat.region);
        const savings = price ? monthlyFromHourly(price) : undefined;
        const suffix = savingsSuffix(savings);
        return {
          status: 'fail',
          details: { bytesOutToDestination: 0 },
          estimatedMonthlySavingsUsd: savings,
          savingsBasis: price
            ? savingsBasis(
                { en: `${price.usd} USD/hour × 730 hours`, ko: `시간당 ${price.usd} USD × 730시간` },
                [{ label: { en: 'NAT gateway', ko: 'NAT 게이트웨이' }, quote: price }],
              )
            : NO_PRICE,
          message: {
            en: `${label} sent no traffic in the last ${days} days: delete it${suffix.en}.`,
            ko: `${label}${particle(label, '은/는')} 최근 ${days}일 동안 트래픽을 보내지 않았습니다. 삭제하세요${suffix.ko}.`,
          },
        };
      },
      (nat) => nat.state === 'available',
    );
  },
});
