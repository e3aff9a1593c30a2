import type { LambdaFunctionMetrics } from '../../core/records.js';
import type { NumberSettingSpec } from '../types.js';

/** Metrics of each function, keyed by region and function name. */
export function lambdaMetricsIndex(
  records: readonly LambdaFunctionMetrics[],
): Map<string, LambdaFunctionMetrics> {
  return new Map(records.map((m) => [`${m.region}/${m.functionName}`, m]));
}

/** The metric window the Lambda metric checks share (a week by default, 14 days collected). */
export function lambdaWindowSetting(): NumberSettingSpec {
  return {
    default: 7,
    min: 1,
    max: 14,
    unit: 'days',
    description: { en: 'Days of metrics to examine', ko: '검사할 지표 기간(일)' },
  };
}
