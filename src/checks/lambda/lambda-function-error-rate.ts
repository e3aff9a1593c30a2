import { particle } from '../../core/korean.js';
import type { MetricPoint } from '../../core/records.js';
import { lambdaMetricsIndex, lambdaWindowSetting } from '../lib/lambda.js';
import { lastDays } from '../lib/metrics.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-error-rate',
  service: 'lambda',
  category: 'fault_tolerance',
  severity: 'medium',
  title: { en: 'Lambda function error rate is low', ko: 'Lambda 함수 오류율이 낮음' },
  failureLabel: { en: 'Lambda functions with a high error rate', ko: '오류율이 높은 Lambda 함수' },
  description: {
    en: 'Fails when, on any of the last 7 days, Errors / Invocations exceeded 10 % (daily CloudWatch sums).',
    ko: '최근 7일 중 하루라도 Errors / Invocations(일별 CloudWatch 합계)가 10 %를 넘으면 실패입니다.',
  },
  remediation: {
    why: {
      en: 'Failed invocations mean lost events or failed requests, and retries add cost.',
      ko: '실패한 호출은 이벤트 유실이나 요청 실패로 이어지고, 재시도는 비용을 늘립니다.',
    },
    steps: {
      en: [
        'Lambda → the function → Monitor → Logs (or CloudWatch Logs Insights): find the failing requests and fix the cause (timeouts, permissions, bad input, downstream limits).',
        'Configure a dead-letter queue or an on-failure destination, and an alarm on Errors (second command).',
      ],
      ko: [
        'Lambda → 해당 함수 → 모니터링 → 로그(또는 CloudWatch Logs Insights)에서 실패한 요청을 찾아 원인(제한 시간, 권한, 잘못된 입력, 하위 서비스 한도)을 고치세요.',
        '배달 못한 편지 대기열이나 실패 시 대상을 구성하고, Errors 지표에 경보를 거세요(두 번째 명령).',
      ],
    },
    commands: [
      'aws logs filter-log-events --log-group-name /aws/lambda/{{resourceId}} --filter-pattern ERROR --region {{region}}',
      'aws cloudwatch put-metric-alarm --alarm-name {{resourceId}}-errors --namespace AWS/Lambda --metric-name Errors --dimensions Name=FunctionName,Value={{resourceId}} --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.2'] },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html',
  ],
  requires: ['lambda.functions', 'lambda.function-metrics'],
  settings: {
    maxErrorRatePercent: {
      default: 10,
      min: 0,
      max: 100,
      unit: '%',
      description: { en: 'Highest acceptable daily error rate', ko: '허용되는 최대 일별 오류율' },
    },
    windowDays: lambdaWindowSetting(),
  },
  evaluate(ctx) {
    const metrics = lambdaMetricsIndex(ctx.records('lambda.function-metrics'));
    const inWindow = (points: MetricPoint[]) => lastDays(points, ctx.now, ctx.settings.windowDays);
    return perResource(ctx, 'lambda.functions', (fn) => {
      const m = metrics.get(`${fn.region}/${fn.functionName}`);
      if (!m) {
        return {
          status: 'unknown',
          message: {
            en: `Function ${fn.functionName}: no CloudWatch metrics were collected for it.`,
            ko: `함수 ${fn.functionName}: 이 함수의 CloudWatch 지표가 수집되지 않았습니다.`,
          },
        };
      }
      const errorsByDay = new Map(inWindow(m.errorsDailySum).map((p) => [p.t, p.v]));
      const days = inWindow(m.invocationsDailySum)
        .filter((p) => p.v > 0)
        .map((p) => ({ day: p.t.slice(0, 10), invocations: p.v, errors: errorsByDay.get(p.t) ?? 0 }))
        .map((d) => ({ ...d, ratePercent: (d.errors / d.invocations) * 100 }));
      if (days.length === 0) {
        return {
          status: 'not_applicable',
          message: {
            en: `Function ${fn.functionName} was not invoked in the last ${ctx.settings.windowDays} days.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '은/는')} 최근 ${ctx.settings.windowDays}일 동안 호출되지 않았습니다.`,
          },
        };
      }
      const worst = days.reduce((a, b) => (b.ratePercent > a.ratePercent ? b : a));
      const rate = Math.round(worst.ratePercent * 10) / 10;
      const details = {
        worstDay: worst.day,
        worstDayErrors: worst.errors,
        worstDayInvocations: worst.invocations,
        worstDayErrorRatePercent: rate,
      };
      const badDays = days.filter((d) => d.ratePercent > ctx.settings.maxErrorRatePercent).length;
      if (badDays > 0) {
        return {
          status: 'fail',
          details: { ...details, daysAboveThreshold: badDays },
          message: {
            en: `Function ${fn.functionName}: error rate above ${ctx.settings.maxErrorRatePercent} % on ${badDays} day(s); worst ${worst.day}: ${worst.errors} errors / ${worst.invocations} invocations (${rate} %).`,
            ko: `함수 ${fn.functionName}: ${badDays}일 동안 오류율이 ${ctx.settings.maxErrorRatePercent} %를 넘었습니다. 최악 ${worst.day}: 호출 ${worst.invocations}회 중 오류 ${worst.errors}회(${rate} %).`,
          },
        };
      }
      return {
        status: 'pass',
        details,
        message: {
          en: `Function ${fn.functionName}: highest daily error rate in the last ${ctx.settings.windowDays} days was ${rate} % (${worst.day}).`,
          ko: `함수 ${fn.functionName}: 최근 ${ctx.settings.windowDays}일 중 최고 일별 오류율은 ${rate} %(${worst.day})입니다.`,
        },
      };
    });
  },
});
