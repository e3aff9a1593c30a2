import type { Ec2InstanceMetrics, MetricPoint } from '../../core/records.js';
import type { LocalizedText } from '../../core/services.js';
import type { NumberSettingSpec } from '../types.js';
import { byDay, lastDays, maxOf } from './metrics.js';
import type { Verdict } from './per-resource.js';

/** Decimal megabytes, as Trusted Advisor's "5 MB" idle rule means it. */
export const BYTES_PER_MB = 1_000_000;

export interface IdleRule {
  windowDays: number;
  cpuPercent: number;
  networkMb: number;
}

/** CHECKS.md defaults: ≤ 10 % average CPU and ≤ 5 MB network on a day, counted over 14 days. */
export const DEFAULT_IDLE_RULE: IdleRule = { windowDays: 14, cpuPercent: 10, networkMb: 5 };
export const DEFAULT_MIN_IDLE_DAYS = 4;

export function metricsIndex(records: readonly Ec2InstanceMetrics[]): Map<string, Ec2InstanceMetrics> {
  return new Map(records.map((m) => [`${m.region}/${m.instanceId}`, m]));
}

export interface IdleCount {
  /** Days with a CPU average in the window (0 = no datapoints). */
  daysWithData: number;
  idleDays: number;
}

/**
 * Days in the window where the daily average CPU ≤ the limit and NetworkIn + NetworkOut ≤ the
 * limit. A day counts only when CPU and both network sums exist for it: a missing network
 * datapoint is not "no traffic".
 */
export function countIdleDays(m: Ec2InstanceMetrics, now: Date, rule: IdleRule): IdleCount {
  const cpu = lastDays(m.cpuDailyAverage, now, rule.windowDays);
  const netIn = byDay(m.networkInDailySum);
  const netOut = byDay(m.networkOutDailySum);
  let idleDays = 0;
  for (const point of cpu) {
    const day = point.t.slice(0, 10);
    const inBytes = netIn.get(day);
    const outBytes = netOut.get(day);
    if (inBytes === undefined || outBytes === undefined) continue;
    if (point.v <= rule.cpuPercent && inBytes + outBytes <= rule.networkMb * BYTES_PER_MB) idleDays += 1;
  }
  return { daysWithData: cpu.length, idleDays };
}

/**
 * The highest CPU Maximum in the window. The snapshot holds DAILY maxima (Period 86400); the
 * maximum of the daily maxima equals the maximum of the hourly maxima over the same days, so it
 * is exactly the "maximum hourly Maximum over 14 days" of the right-sizing rules.
 */
export function maxCpu(points: readonly MetricPoint[], now: Date, windowDays: number) {
  return maxOf(lastDays(points, now, windowDays));
}

/**
 * `unknown` for a utilization rule whose metric has no datapoint in the window: an emulator or a
 * new resource without metrics must never read as "not busy". `metric` names the metric (and
 * statistic) in each language.
 */
export function noDatapoints(label: string, metric: LocalizedText, windowDays: number): Verdict {
  return {
    status: 'unknown',
    message: {
      en: `${label}: no ${metric.en} datapoints in the last ${windowDays} days.`,
      ko: `${label}: 최근 ${windowDays}일 동안 ${metric.ko} 데이터가 없습니다.`,
    },
  };
}

export const CPU_UTILIZATION: LocalizedText = { en: 'CPUUtilization', ko: 'CPUUtilization' };
export const DATABASE_CONNECTIONS: LocalizedText = { en: 'DatabaseConnections', ko: 'DatabaseConnections' };
export const CPU_MAXIMUM: LocalizedText = { en: 'CPUUtilization Maximum', ko: 'CPUUtilization 최대값' };

/** The look-back window the utilization checks share (CloudWatch daily points kept: 14 days). */
export function windowDaysSetting(defaultDays = 14): NumberSettingSpec {
  return {
    default: defaultDays,
    min: 1,
    max: 14,
    unit: 'days',
    description: { en: 'Days looked back', ko: '확인 기간(일)' },
  };
}

/**
 * The look-back of the idle checks on daily sums (DynamoDB consumed capacity, NAT gateway bytes):
 * those metrics are collected for 30 days.
 */
export function idleSumWindowSetting(
  description: LocalizedText = { en: 'Days looked back', ko: '확인 기간(일)' },
): NumberSettingSpec {
  return { default: 30, min: 1, max: 30, unit: 'days', description };
}

/**
 * The total of daily sums over the window, across one or more series (reads + writes), or
 * undefined when no series has a datapoint in it: no data is never "idle".
 */
export function sumInWindow(
  series: readonly (readonly MetricPoint[])[],
  now: Date,
  windowDays: number,
): number | undefined {
  const points = series.flatMap((points) => lastDays(points, now, windowDays));
  return points.length === 0 ? undefined : points.reduce((sum, p) => sum + p.v, 0);
}

/** The right-sizing threshold EC2 and RDS share: a peak below it means one size too big. */
export function maxCpuPercentSetting(): NumberSettingSpec {
  return {
    default: 40,
    min: 1,
    max: 100,
    unit: '%',
    description: { en: 'Peak CPU below this means oversized', ko: 'CPU 최대치가 이 값 미만이면 과대 크기' },
  };
}
