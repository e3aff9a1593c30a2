import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { dailyWindow, getMetricData, type MetricRequest } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const LAMBDA_METRIC_WINDOW_DAYS = 7;

/** Daily invocations, errors and duration (maximum, average) of every function, 7 days. */
export const lambdaFunctionMetricsCollector = defineCollector({
  id: 'lambda.function-metrics',
  async *collect(ctx) {
    const functions = ctx.dependency('lambda.functions');
    if (functions.length === 0) return;
    const requests: MetricRequest[] = functions.flatMap((fn) => {
      const base = {
        namespace: 'AWS/Lambda',
        dimensions: [{ Name: 'FunctionName', Value: fn.functionName }],
      };
      return [
        { ...base, metricName: 'Invocations', stat: 'Sum' },
        { ...base, metricName: 'Errors', stat: 'Sum' },
        { ...base, metricName: 'Duration', stat: 'Maximum' },
        { ...base, metricName: 'Duration', stat: 'Average' },
      ] satisfies MetricRequest[];
    });
    const series = await getMetricData(
      ctx.client(CloudWatchClient),
      requests,
      dailyWindow(ctx.now, LAMBDA_METRIC_WINDOW_DAYS),
    );
    for (const [i, fn] of functions.entries()) {
      yield {
        region: ctx.region,
        functionName: fn.functionName,
        invocationsDailySum: series[i * 4] ?? [],
        errorsDailySum: series[i * 4 + 1] ?? [],
        durationDailyMaximum: series[i * 4 + 2] ?? [],
        durationDailyAverage: series[i * 4 + 3] ?? [],
      };
    }
  },
});
