import { particle } from '../../core/korean.js';
import type { LambdaFunction, LambdaFunctionMetrics } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import { perResource } from '../lib/per-resource.js';
import type { CheckContext } from '../types.js';
import { defineCheck } from '../types.js';

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 30.4;
const MIN_MEMORY_MB = 128;
const MEMORY_STEP_MB = 64;

/** Max used × (1 + headroom), rounded up to 64 MB, at least 128 MB. */
export function recommendedMemoryMb(maxUsedMb: number, headroomPercent: number): number {
  const wanted = maxUsedMb * (1 + headroomPercent / 100);
  return Math.max(MIN_MEMORY_MB, Math.ceil(wanted / MEMORY_STEP_MB) * MEMORY_STEP_MB);
}

/** Compute seconds per month from the window's Invocations × invocation-weighted average Duration. */
function monthlyComputeSeconds(
  metrics: LambdaFunctionMetrics | undefined,
  since: number,
  until: number,
  windowDays: number,
): { seconds: number; invocations: number; avgDurationMs: number } | undefined {
  if (!metrics?.durationDailyAverage) return undefined;
  const inWindow = (t: string) => Date.parse(t) >= since && Date.parse(t) <= until;
  const avgByDay = new Map(metrics.durationDailyAverage.filter((p) => inWindow(p.t)).map((p) => [p.t, p.v]));
  let invocations = 0;
  let durationMsTotal = 0;
  for (const p of metrics.invocationsDailySum) {
    const avg = avgByDay.get(p.t);
    if (!inWindow(p.t) || avg === undefined || p.v <= 0) continue;
    invocations += p.v;
    durationMsTotal += p.v * avg;
  }
  if (invocations === 0) return undefined;
  return {
    seconds: (durationMsTotal / 1000) * (DAYS_PER_MONTH / windowDays),
    invocations,
    avgDurationMs: durationMsTotal / invocations,
  };
}

function savingsOf(
  ctx: CheckContext<Record<string, number>>,
  fn: LambdaFunction,
  metrics: LambdaFunctionMetrics | undefined,
  recommendedMb: number,
): { usd?: number; basis: LocalizedText } {
  const windowDays = ctx.settings.windowDays ?? 7;
  const compute = monthlyComputeSeconds(
    metrics,
    ctx.now.getTime() - windowDays * DAY_MS,
    ctx.now.getTime(),
    windowDays,
  );
  const architecture = fn.architectures[0] ?? 'x86_64';
  const price = ctx.prices.lambdaGbSecond(fn.region, architecture);
  if (!compute || !price) {
    return {
      basis: {
        en: compute
          ? `No Lambda GB-second price for ${fn.region} (${architecture}); savings not estimated.`
          : 'No Invocations/Duration metrics for the window; savings not estimated.',
        ko: compute
          ? `${fn.region}(${architecture})의 Lambda GB-초 가격이 없어 절감액을 추정하지 않았습니다.`
          : '기간 내 Invocations/Duration 지표가 없어 절감액을 추정하지 않았습니다.',
      },
    };
  }
  const savedGb = (fn.memoryMb - recommendedMb) / 1024;
  const usd = savedGb * compute.seconds * price.usd;
  const seconds = Math.round(compute.seconds).toLocaleString('en-US');
  const avg = Math.round(compute.avgDurationMs);
  return {
    usd,
    basis: {
      en: `(${fn.memoryMb} − ${recommendedMb}) MB ÷ 1024 = ${savedGb.toFixed(3)} GB × ${seconds} s of compute per month (${compute.invocations} invocations × ${avg} ms average over ${windowDays} days, scaled to ${DAYS_PER_MONTH} days) × ${price.usd} USD per GB-second (${price.source}, ${price.region}, ${price.asOf}).`,
      ko: `(${fn.memoryMb} − ${recommendedMb}) MB ÷ 1024 = ${savedGb.toFixed(3)} GB × 월 ${seconds}초 실행(${windowDays}일간 호출 ${compute.invocations}회 × 평균 ${avg} ms를 ${DAYS_PER_MONTH}일로 환산) × GB-초당 ${price.usd} USD(${price.source}, ${price.region}, ${price.asOf}).`,
    },
  };
}

export default defineCheck({
  id: 'lambda-function-memory-right-sized',
  service: 'lambda',
  category: 'cost',
  severity: 'low',
  title: { en: 'Lambda function memory is right-sized', ko: 'Lambda 함수 메모리 크기가 적절함' },
  failureLabel: { en: 'Lambda functions with ill-fitting memory', ko: '메모리 크기가 맞지 않는 Lambda 함수' },
  description: {
    en: "From the function's REPORT log lines of the last 7 days (Max Memory Used): fails when the maximum used is under 50 % of the configured memory (over-provisioned, with savings); warns above 90 % (under-provisioned). No invocations → unknown.",
    ko: '최근 7일 함수 REPORT 로그("Max Memory Used") 기준: 최대 사용량이 설정 메모리의 50 % 미만이면 실패(과다 할당, 절감액 표시), 90 % 초과면 경고(부족)입니다. 호출이 없으면 알 수 없음입니다.',
  },
  remediation: {
    why: {
      en: 'Lambda bills memory × duration: too much memory is paid on every call, too little makes calls slow or fail.',
      ko: 'Lambda는 메모리 × 실행 시간으로 과금하므로, 메모리가 많으면 호출마다 낭비이고 적으면 호출이 느려지거나 실패합니다.',
    },
    steps: {
      en: [
        'Set memory to the recommended size (maximum used + 25 % headroom, in 64 MB steps), then watch Duration: less memory also means less CPU; for CPU-bound code verify with AWS Lambda Power Tuning.',
        'Lambda → the function → Configuration → General configuration → Edit → Memory → Save.',
      ],
      ko: [
        '메모리를 권장 크기(최대 사용량 + 25% 여유, 64MB 단위)로 맞추고 실행 시간을 지켜보세요. 메모리를 줄이면 CPU도 줄어드니 CPU를 많이 쓰는 코드는 AWS Lambda Power Tuning으로 확인하세요.',
        'Lambda → 해당 함수 → 구성 → 일반 구성 → 편집 → 메모리 → 저장.',
      ],
    },
    commands: [
      'aws lambda update-function-configuration --function-name {{resourceId}} --memory-size {{details.recommendedMemoryMb}} --region {{region}}',
    ],
  },
  compliance: { noneReason: 'Cost tuning: none of CIS v5, FSBP or ISMS-P 2023 has a control for it' },
  docs: [
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
    'https://docs.aws.amazon.com/lambda/latest/operatorguide/computing-power.html',
    'https://aws.amazon.com/lambda/pricing/',
  ],
  requires: ['lambda.functions', 'lambda.memory-usage'],
  // A failed FilterLogEvents leaves maxMemoryUsedMb with a field error: unknown, not "never invoked".
  requiresFields: { 'lambda.memory-usage': ['maxMemoryUsedMb'] },
  settings: {
    overProvisionedPercent: {
      default: 50,
      min: 1,
      max: 100,
      unit: '%',
      description: {
        en: 'Fail when max memory used is below this share of the configured memory',
        ko: '최대 메모리 사용량이 설정 메모리의 이 비율 미만이면 실패',
      },
    },
    underProvisionedPercent: {
      default: 90,
      min: 1,
      max: 100,
      unit: '%',
      description: {
        en: 'Warn when max memory used is above this share',
        ko: '최대 메모리 사용량이 이 비율을 넘으면 경고',
      },
    },
    headroomPercent: {
      default: 25,
      min: 0,
      max: 200,
      unit: '%',
      description: {
        en: 'Headroom added to the max used for the recommendation',
        ko: '권장 크기 계산 시 최대 사용량에 더하는 여유',
      },
    },
    windowDays: {
      default: 7,
      min: 1,
      max: 14,
      unit: 'days',
      description: {
        en: 'Days of Invocations/Duration metrics used for the savings',
        ko: '절감액 계산에 쓰는 Invocations/Duration 지표 기간(일)',
      },
    },
  },
  evaluate(ctx) {
    const s = ctx.settings;
    const usage = new Map(
      ctx.records('lambda.memory-usage').map((u) => [`${u.region}/${u.functionName}`, u]),
    );
    // Optional input: without it the finding stands, only the savings figure is left out.
    const metrics = new Map(
      ctx.records('lambda.function-metrics').map((m) => [`${m.region}/${m.functionName}`, m]),
    );
    return perResource(ctx, 'lambda.functions', (fn) => {
      const key = `${fn.region}/${fn.functionName}`;
      const u = usage.get(key);
      if (!u || u.invocationsSeen <= 0 || u.maxMemoryUsedMb === undefined) {
        return {
          status: 'unknown',
          message: {
            en: `Function ${fn.functionName}: no invocations (REPORT log lines) in the last 7 days, so memory use is unknown.`,
            ko: `함수 ${fn.functionName}: 최근 7일 동안 호출(REPORT 로그)이 없어 메모리 사용량을 알 수 없습니다.`,
          },
        };
      }
      const maxUsed = u.maxMemoryUsedMb;
      const usedPercent = Math.round((maxUsed / fn.memoryMb) * 1000) / 10;
      const recommended = recommendedMemoryMb(maxUsed, s.headroomPercent);
      const details = {
        configuredMemoryMb: fn.memoryMb,
        maxMemoryUsedMb: maxUsed,
        usedPercent,
        invocationsSeen: u.invocationsSeen,
        recommendedMemoryMb: recommended,
      };
      const observed = {
        en: `max used ${maxUsed} MB of ${fn.memoryMb} MB (${usedPercent} %) over ${u.invocationsSeen} invocations`,
        ko: `${u.invocationsSeen}회 호출 중 최대 사용량 ${maxUsed} MB / ${fn.memoryMb} MB(${usedPercent} %)`,
      };
      if (usedPercent > s.underProvisionedPercent) {
        const larger = Math.max(recommended, fn.memoryMb + MEMORY_STEP_MB);
        return {
          status: 'warning',
          details: { ...details, recommendedMemoryMb: larger },
          message: {
            en: `Function ${fn.functionName} is close to its memory limit: ${observed.en}. Consider ${Math.max(recommended, fn.memoryMb + MEMORY_STEP_MB)} MB.`,
            ko: `함수 ${fn.functionName}${particle(fn.functionName, '이/가')} 메모리 한도에 가깝습니다: ${observed.ko}. ${Math.max(recommended, fn.memoryMb + MEMORY_STEP_MB)} MB를 고려하세요.`,
          },
        };
      }
      if (usedPercent < s.overProvisionedPercent && recommended < fn.memoryMb) {
        const savings = savingsOf(ctx, fn, metrics.get(key), recommended);
        return {
          status: 'fail',
          details,
          ...(savings.usd !== undefined ? { estimatedMonthlySavingsUsd: savings.usd } : {}),
          savingsBasis: savings.basis,
          message: {
            en: `Function ${fn.functionName} is over-provisioned: ${observed.en}. Recommended: ${recommended} MB.`,
            ko: `함수 ${fn.functionName}의 메모리가 과다 할당되었습니다: ${observed.ko}. 권장: ${recommended} MB.`,
          },
        };
      }
      const atMinimum = usedPercent < s.overProvisionedPercent;
      return {
        status: 'pass',
        details,
        message: atMinimum
          ? {
              en: `Function ${fn.functionName}: ${observed.en}; ${fn.memoryMb} MB is already the smallest useful size.`,
              ko: `함수 ${fn.functionName}: ${observed.ko}. ${fn.memoryMb} MB가 이미 가장 작은 적정 크기입니다.`,
            }
          : {
              en: `Function ${fn.functionName} memory fits: ${observed.en}.`,
              ko: `함수 ${fn.functionName}의 메모리가 적절합니다: ${observed.ko}.`,
            },
      };
    });
  },
});
