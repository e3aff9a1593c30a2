import { particle } from '../../core/korean.js';
import { lambdaMetricsIndex, lambdaWindowSetting } from '../lib/lambda.js';
import { lastDays } from '../lib/metrics.js';
import { perResource } from '../lib/per-resource.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'lambda-function-timeout-appropriate',
  service: 'lambda',
  category: 'performance',
  severity: 'medium',
  title: { en: 'Lambda function timeout fits its duration', ko: 'Lambda 함수 제한 시간이 실행 시간에 맞음' },
  failureLabel: {
    en: 'Lambda functions with an ill-fitting timeout',
    ko: '제한 시간이 맞지 않는 Lambda 함수',
  },
  description: {
    en: 'Fails when the 7-day maximum Duration reaches 90 % of the configured timeout (invocations are being cut off or about to be). Warns when the timeout is over 60 s and at least 10 × the maximum duration (a hung call holds resources and retries late).',
    ko: '최근 7일 최대 Duration이 설정된 제한 시간의 90 %에 이르면(호출이 잘리거나 곧 잘림) 실패입니다. 제한 시간이 60초를 넘고 최대 실행 시간의 10배 이상이면(멈춘 호출이 자원을 오래 잡고 재시도가 늦어짐) 경고입니다.',
  },
  remediation: {
    why: {
      en: 'A timeout too close to the real duration cuts calls off; one far above it lets stuck calls run, and bill, for minutes.',
      ko: '제한 시간이 실제 실행 시간에 너무 가까우면 호출이 끊기고, 너무 길면 멈춘 호출이 몇 분씩 실행되며 과금됩니다.',
    },
    steps: {
      en: [
        "Set the timeout a safe margin above the real maximum duration and below the caller's own timeout (29 s behind API Gateway); if calls run too long, fix the slow dependency or add memory, which also adds CPU.",
        'Lambda → the function → Configuration → General configuration → Edit → Timeout → Save.',
      ],
      ko: [
        '제한 시간을 실제 최대 실행 시간보다 넉넉히, 호출하는 쪽의 제한 시간(API Gateway 뒤라면 29초)보다는 짧게 잡으세요. 호출이 너무 오래 걸리면 느린 의존 서비스를 고치거나 메모리를 늘리세요(CPU도 함께 늘어남).',
        'Lambda → 해당 함수 → 구성 → 일반 구성 → 편집 → 제한 시간 → 저장.',
      ],
    },
    commands: [
      'aws lambda update-function-configuration --function-name {{resourceId}} --timeout <SECONDS> --region {{region}}',
    ],
  },
  compliance: { ismsp: ['2.9.2'] },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html',
  ],
  requires: ['lambda.functions', 'lambda.function-metrics'],
  settings: {
    nearTimeoutPercent: {
      default: 90,
      min: 1,
      max: 100,
      unit: '%',
      description: {
        en: 'Fail when the max duration reaches this share of the timeout',
        ko: '최대 실행 시간이 제한 시간의 이 비율에 이르면 실패',
      },
    },
    longTimeoutSeconds: {
      default: 60,
      min: 1,
      max: 900,
      unit: 's',
      description: {
        en: 'Only timeouts above this are checked for excess',
        ko: '이 값보다 긴 제한 시간만 과다 여부를 검사',
      },
    },
    excessFactor: {
      default: 10,
      min: 2,
      max: 1000,
      unit: '×',
      description: {
        en: 'Warn when the timeout is at least this multiple of the max duration',
        ko: '제한 시간이 최대 실행 시간의 이 배수 이상이면 경고',
      },
    },
    windowDays: lambdaWindowSetting(),
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const metrics = lambdaMetricsIndex(ctx.records('lambda.function-metrics'));
    return perResource(ctx, 'lambda.functions', (fn) => {
      const points = lastDays(
        metrics.get(`${fn.region}/${fn.functionName}`)?.durationDailyMaximum ?? [],
        ctx.now,
        s.windowDays,
      );
      if (points.length === 0) {
        return {
          status: 'unknown',
          message: {
            en: `Function ${fn.functionName}: no Duration datapoints in the last ${s.windowDays} days (no invocations or no metrics).`,
            ko: `함수 ${fn.functionName}: 최근 ${s.windowDays}일 동안 Duration 데이터가 없습니다(호출 없음 또는 지표 없음).`,
          },
        };
      }
      const maxMs = Math.max(...points.map((p) => p.v));
      const timeoutMs = fn.timeoutSeconds * 1000;
      const usedPercent = Math.round((maxMs / timeoutMs) * 1000) / 10;
      const details = {
        timeoutSeconds: fn.timeoutSeconds,
        maxDurationMs: Math.round(maxMs),
        maxDurationPercentOfTimeout: usedPercent,
      };
      const observed = `max duration ${Math.round(maxMs)} ms, timeout ${fn.timeoutSeconds} s`;
      const observedKo = `최대 실행 시간 ${Math.round(maxMs)} ms, 제한 시간 ${fn.timeoutSeconds}초`;
      if (maxMs >= (timeoutMs * s.nearTimeoutPercent) / 100) {
        return {
          status: 'fail',
          details,
          message: {
            en: `Function ${fn.functionName} runs close to its timeout: ${observed} (${usedPercent} %).`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '이/가')} 제한 시간에 가깝게 실행됩니다: ${observedKo}(${usedPercent} %).`,
          },
        };
      }
      if (fn.timeoutSeconds > s.longTimeoutSeconds && timeoutMs >= s.excessFactor * maxMs) {
        return {
          status: 'warning',
          details,
          message: {
            en: `Function ${fn.functionName} has a timeout far above its needs: ${observed} (≥ ${s.excessFactor} × the max duration).`,
            ko: `함수 ${fn.functionName}의 제한 시간이 필요보다 훨씬 깁니다: ${observedKo}(최대 실행 시간의 ${s.excessFactor}배 이상).`,
          },
        };
      }
      return {
        status: 'pass',
        details,
        message: {
          en: `Function ${fn.functionName}: ${observed} (${usedPercent} % of the timeout).`,
          ko: `함수 ${fn.functionName}: ${observedKo}(제한 시간의 ${usedPercent} %).`,
        },
      };
    });
  },
});
