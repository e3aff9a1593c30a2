import { CloudWatchClient, type Dimension, paginateListMetrics } from '@aws-sdk/client-cloudwatch';
import type { Ec2InstanceMetrics } from '../../core/records.js';
import { dailyWindow, getMetricData, type MetricRequest } from '../lib/metric-data.js';
import { defineCollector } from '../types.js';

export const EC2_METRIC_WINDOW_DAYS = 14;
const CWAGENT_NAMESPACE = 'CWAgent';
const MEMORY_METRIC = 'mem_used_percent';

/**
 * The CWAgent dimension sets that carry mem_used_percent, by instance id: one paged ListMetrics
 * per region instead of querying memory for instances that publish nothing.
 */
async function memoryDimensionsByInstance(client: CloudWatchClient): Promise<Map<string, Dimension[]>> {
  const found = new Map<string, Dimension[]>();
  const pages = paginateListMetrics({ client }, { Namespace: CWAGENT_NAMESPACE, MetricName: MEMORY_METRIC });
  for await (const page of pages) {
    for (const metric of page.Metrics ?? []) {
      const instanceId = metric.Dimensions?.find((d) => d.Name === 'InstanceId')?.Value;
      // The agent may publish several dimension sets; the first one found is enough.
      if (instanceId && !found.has(instanceId)) found.set(instanceId, metric.Dimensions ?? []);
    }
  }
  return found;
}

/** Daily CPU (average, maximum), network (sums) and CWAgent memory of every instance, 14 days. */
export const ec2InstanceMetricsCollector = defineCollector({
  id: 'ec2.instance-metrics',
  async *collect(ctx) {
    const instances = ctx.dependency('ec2.instances');
    if (instances.length === 0) return;
    const client = ctx.client(CloudWatchClient);
    const memory = await memoryDimensionsByInstance(client);
    const requests: MetricRequest[] = [];
    const slots = instances.map((instance) => {
      const dimensions = [{ Name: 'InstanceId', Value: instance.instanceId }];
      const add = (request: MetricRequest) => requests.push(request) - 1;
      const ns = 'AWS/EC2';
      const memDimensions = memory.get(instance.instanceId);
      return {
        instanceId: instance.instanceId,
        cpuAvg: add({ namespace: ns, metricName: 'CPUUtilization', dimensions, stat: 'Average' }),
        cpuMax: add({ namespace: ns, metricName: 'CPUUtilization', dimensions, stat: 'Maximum' }),
        netIn: add({ namespace: ns, metricName: 'NetworkIn', dimensions, stat: 'Sum' }),
        netOut: add({ namespace: ns, metricName: 'NetworkOut', dimensions, stat: 'Sum' }),
        memAvg: memDimensions
          ? add({
              namespace: CWAGENT_NAMESPACE,
              metricName: MEMORY_METRIC,
              dimensions: memDimensions,
              stat: 'Average',
            })
          : undefined,
        memMax: memDimensions
          ? add({
              namespace: CWAGENT_NAMESPACE,
              metricName: MEMORY_METRIC,
              dimensions: memDimensions,
              stat: 'Maximum',
            })
          : undefined,
      };
    });
    const series = await getMetricData(client, requests, dailyWindow(ctx.now, EC2_METRIC_WINDOW_DAYS));
    const at = (index: number | undefined) => (index === undefined ? [] : (series[index] ?? []));
    for (const slot of slots) {
      const record: Ec2InstanceMetrics = {
        region: ctx.region,
        instanceId: slot.instanceId,
        cpuDailyAverage: at(slot.cpuAvg),
        cpuDailyMaximum: at(slot.cpuMax),
        networkInDailySum: at(slot.netIn),
        networkOutDailySum: at(slot.netOut),
        memUsedDailyAverage: at(slot.memAvg),
        memUsedDailyMaximum: slot.memMax === undefined ? undefined : at(slot.memMax),
      };
      yield record;
    }
  },
});
