import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { dailyWindow, getMetricData } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const NAT_METRIC_WINDOW_DAYS = 30;

/** Daily `BytesOutToDestination` sums of every NAT gateway over 30 days, batched in GetMetricData. */
export const natGatewayMetricsCollector = defineCollector({
  id: 'ec2.nat-gateway-metrics',
  async *collect(ctx) {
    const gateways = ctx.dependency('ec2.nat-gateways');
    if (gateways.length === 0) return;
    const series = await getMetricData(
      ctx.client(CloudWatchClient),
      gateways.map((nat) => ({
        namespace: 'AWS/NATGateway',
        metricName: 'BytesOutToDestination',
        dimensions: [{ Name: 'NatGatewayId', Value: nat.natGatewayId }],
        stat: 'Sum',
      })),
      dailyWindow(ctx.now, NAT_METRIC_WINDOW_DAYS),
    );
    for (const [i, nat] of gateways.entries()) {
      yield {
        region: ctx.region,
        natGatewayId: nat.natGatewayId,
        bytesOutToDestinationDailySum: series[i] ?? [],
      };
    }
  },
});
