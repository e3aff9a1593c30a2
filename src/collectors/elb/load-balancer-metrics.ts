import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ElbLoadBalancer } from '../../core/records/elb.js';
import { dailyWindow, getMetricData, type MetricRequest } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const ELB_METRIC_WINDOW_DAYS = 7;

/** The traffic metric the idle rule reads: RequestCount (ALB, Classic) or NewFlowCount (NLB); none for Gateway. */
export function trafficMetric(lb: ElbLoadBalancer): MetricRequest | undefined {
  if (lb.type === 'classic') {
    return {
      namespace: 'AWS/ELB',
      metricName: 'RequestCount',
      dimensions: [{ Name: 'LoadBalancerName', Value: lb.loadBalancerName }],
      stat: 'Sum',
    };
  }
  if (lb.type === 'gateway') return undefined;
  // The dimension is the ARN's tail: app/<name>/<id> or net/<name>/<id>.
  const dimension = lb.arn.slice(lb.arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
  return {
    namespace: lb.type === 'network' ? 'AWS/NetworkELB' : 'AWS/ApplicationELB',
    metricName: lb.type === 'network' ? 'NewFlowCount' : 'RequestCount',
    dimensions: [{ Name: 'LoadBalancer', Value: dimension }],
    stat: 'Sum',
  };
}

/** Daily traffic sums of every load balancer over 7 days, batched in GetMetricData. */
export const loadBalancerMetricsCollector = defineCollector({
  id: 'elb.load-balancer-metrics',
  async *collect(ctx) {
    const measured = ctx.dependency('elb.load-balancers').flatMap((lb) => {
      const request = trafficMetric(lb);
      return request ? [{ lb, request }] : [];
    });
    if (measured.length === 0) return;
    const series = await getMetricData(
      ctx.client(CloudWatchClient),
      measured.map((m) => m.request),
      dailyWindow(ctx.now, ELB_METRIC_WINDOW_DAYS),
    );
    for (const [i, { lb, request }] of measured.entries()) {
      yield { region: ctx.region, arn: lb.arn, metricName: request.metricName, dailySum: series[i] ?? [] };
    }
  },
});
