import { particle } from '../../core/korean.js';
import type { ElbLoadBalancer } from '../../core/records/elb.js';
import type { LocalizedText } from '../../core/services.js';
import { lbLabel, lbTypeName, notForType } from '../lib/elb.js';
import { lastDays } from '../lib/metrics.js';
import { perResource, type Verdict } from '../lib/per-resource.js';
import { monthlyFromHourly, NO_PRICE, savingsBasis, savingsSuffix } from '../lib/savings.js';
import { noDatapoints, windowDaysSetting } from '../lib/utilization.js';
import type { CheckContext } from '../types.js';
import { defineCheck } from '../types.js';

type Settings = { windowDays: number; minDailyRequests: number };

function idle(
  ctx: CheckContext<Settings>,
  lb: ElbLoadBalancer & { type: 'application' | 'network' | 'classic' },
  why: LocalizedText,
): Verdict {
  const label = lbLabel(lb);
  const price = ctx.prices.loadBalancerHourly(lb.region, lb.type);
  const savings = price ? monthlyFromHourly(price) : undefined;
  const suffix = savingsSuffix(savings);
  return {
    status: 'fail',
    estimatedMonthlySavingsUsd: savings,
    savingsBasis: price
      ? savingsBasis({ en: `${price.usd} USD/hour × 730 hours`, ko: `시간당 ${price.usd} USD × 730시간` }, [
          { label: lbTypeName(lb.type), quote: price },
        ])
      : NO_PRICE,
    message: {
      en: `${label.en} looks idle: ${why.en}. Delete it if nothing uses it${suffix.en}.`,
      ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 유휴 상태로 보입니다: ${why.ko}. 사용하는 곳이 없으면 삭제하세요${suffix.ko}.`,
    },
  };
}

export default defineCheck<Settings>({
  id: 'elb-load-balancer-not-idle',
  service: 'elb',
  category: 'cost',
  severity: 'medium',
  title: { en: 'Load balancers serve traffic', ko: '로드 밸런서가 트래픽을 처리함' },
  failureLabel: { en: 'Idle load balancers', ko: '유휴 로드 밸런서' },
  description: {
    en: 'Fails when no target group of the load balancer has a healthy target (Classic: no InService instance), or when an ALB or Classic Load Balancer had fewer than 100 requests on each of the last 7 days, or an NLB had no new flow in 7 days.',
    ko: '로드 밸런서의 어느 대상 그룹에도 정상 대상이 없거나(클래식: InService 인스턴스 없음), ALB나 클래식 로드 밸런서의 요청이 최근 7일 동안 매일 100건 미만이거나, NLB에 7일 동안 새 흐름이 없으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'A load balancer is billed every hour it exists, whether or not it carries traffic.',
      ko: '로드 밸런서는 트래픽 여부와 관계없이 존재하는 동안 매시간 요금이 부과됩니다.',
    },
    steps: {
      en: [
        'Check with the owner and in Route 53 or DNS that nothing points at its DNS name.',
        'EC2 → Load balancers → select → Actions → Delete load balancer (turn deletion protection off first if it is on).',
      ],
      ko: [
        '소유자에게 확인하고, DNS 영역에서 이 DNS 이름을 가리키는 레코드가 없는지 확인하세요.',
        'EC2 → 로드 밸런서 → 선택 → 작업 → 로드 밸런서 삭제(삭제 방지가 켜져 있으면 먼저 끄세요).',
      ],
    },
    commands: [
      'aws elbv2 delete-load-balancer --load-balancer-arn {{resourceId}} --region {{region}}',
      'aws elb delete-load-balancer --load-balancer-name {{resourceName}} --region {{region}}',
    ],
  },
  docs: [
    'https://docs.aws.amazon.com/awssupport/latest/user/cost-optimization-checks.html',
    'https://aws.amazon.com/elasticloadbalancing/pricing/',
  ],
  compliance: {
    noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it',
  },
  requires: ['elb.load-balancers', 'elb.load-balancer-metrics'],
  requiresFields: { 'elb.load-balancers': ['healthyTargets'] },
  settings: {
    windowDays: { ...windowDaysSetting(7), max: 14 },
    minDailyRequests: {
      default: 100,
      min: 1,
      unit: 'requests',
      description: {
        en: 'Fewer requests a day than this is idle (ALB, Classic)',
        ko: '하루 요청이 이보다 적으면 유휴(ALB, 클래식)',
      },
    },
  },
  evaluate(ctx) {
    const days = ctx.settings.windowDays;
    const metrics = new Map(ctx.records('elb.load-balancer-metrics').map((m) => [m.arn, m]));
    return perResource(ctx, 'elb.load-balancers', (lb): Verdict => {
      if (lb.type === 'gateway') return notForType(lb, { en: 'the idle rule', ko: '유휴' });
      const typed = { ...lb, type: lb.type };
      const label = lbLabel(lb);
      if ((lb.healthyTargets ?? 0) === 0) {
        return idle(ctx, typed, {
          en: `no healthy target among ${lb.registeredTargets ?? 0} registered`,
          ko: `등록된 대상 ${lb.registeredTargets ?? 0}개 중 정상 대상이 없습니다`,
        });
      }
      const metric = metrics.get(lb.arn);
      const name = metric?.metricName ?? (lb.type === 'network' ? 'NewFlowCount' : 'RequestCount');
      const points = lastDays(metric?.dailySum ?? [], ctx.now, days);
      if (points.length === 0) return noDatapoints(lb.loadBalancerName, { en: name, ko: name }, days);
      const total = points.reduce((sum, p) => sum + p.v, 0);
      const busiest = Math.max(...points.map((p) => p.v));
      const quiet = lb.type === 'network' ? total === 0 : busiest < ctx.settings.minDailyRequests;
      if (quiet) {
        return idle(
          ctx,
          typed,
          lb.type === 'network'
            ? { en: `no new flows in ${days} days`, ko: `${days}일 동안 새 흐름이 없습니다` }
            : {
                en: `at most ${busiest} requests a day in the last ${days} days`,
                ko: `최근 ${days}일 동안 하루 요청이 최대 ${busiest}건입니다`,
              },
        );
      }
      return {
        status: 'pass',
        details: { [name]: total },
        message: {
          en: `${label.en} handled ${total} (${name}) in the last ${days} days.`,
          ko: `${label.ko}${particle(lb.loadBalancerName, '은/는')} 최근 ${days}일 동안 ${total}건(${name})을 처리했습니다.`,
        },
      };
    });
  },
});
