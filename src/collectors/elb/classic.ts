/**
 * Classic load balancers. DescribeLoadBalancers pages carry listeners, zones and instances; tags
 * come 20 load balancers a call; DescribeLoadBalancerAttributes and DescribeInstanceHealth are
 * per load balancer (AWS has no batched form).
 */
import {
  DescribeInstanceHealthCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingClient,
  type ListenerDescription,
  type LoadBalancerDescription,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import type { FieldError } from '../../core/records/common.js';
import type { ElbListener, ElbLoadBalancer } from '../../core/records/elb.js';
import { optionalField } from '../lib/optional-field.js';
import type { CollectorContext } from '../types.js';
import { isoDate, tagsInBatches, tagsOf } from './common.js';

/** The predefined security policy a listener names (Classic listeners carry policy names, not an SslPolicy). */
function classicListener(d: ListenerDescription): ElbListener {
  const names = d.PolicyNames ?? [];
  return {
    port: d.Listener?.LoadBalancerPort,
    protocol: d.Listener?.Protocol?.toUpperCase() ?? '',
    sslPolicy: names.find((n) => n.startsWith('ELBSecurityPolicy-')) ?? names[0],
    defaultActions: [],
  };
}

export async function* collectClassicLoadBalancers(ctx: CollectorContext): AsyncGenerator<ElbLoadBalancer> {
  const client = ctx.client(ElasticLoadBalancingClient);
  const found: LoadBalancerDescription[] = [];
  for await (const page of paginateDescribeLoadBalancers({ client, pageSize: 400 }, {})) {
    found.push(...(page.LoadBalancerDescriptions ?? []));
  }
  if (found.length === 0) return;
  const names = found.flatMap((lb) => (lb.LoadBalancerName ? [lb.LoadBalancerName] : []));
  const tags = await tagsInBatches(ctx, names, async (batch) => {
    const answer = await client.send(new DescribeTagsCommand({ LoadBalancerNames: batch }));
    return (answer.TagDescriptions ?? []).map((d) => ({ key: d.LoadBalancerName ?? '', tags: d.Tags }));
  });
  const pending = found.map(async (lb): Promise<ElbLoadBalancer> => {
    const name = lb.LoadBalancerName ?? '';
    const fieldErrors: Record<string, FieldError> = {};
    const [accessLogsEnabled, health] = await Promise.all([
      optionalField(ctx, fieldErrors, {
        field: 'accessLogsEnabled',
        operation: 'DescribeLoadBalancerAttributes',
        call: async () => {
          const answer = await client.send(
            new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: name }),
          );
          return answer.LoadBalancerAttributes?.AccessLog?.Enabled ?? false;
        },
      }),
      optionalField(ctx, fieldErrors, {
        field: 'healthyTargets',
        operation: 'DescribeInstanceHealth',
        call: async () => {
          const answer = await client.send(new DescribeInstanceHealthCommand({ LoadBalancerName: name }));
          const states = (answer.InstanceStates ?? []).map((s) => s.State);
          return { healthy: states.filter((s) => s === 'InService').length, total: states.length };
        },
      }),
    ]);
    if (fieldErrors.healthyTargets) fieldErrors.registeredTargets = fieldErrors.healthyTargets;
    const record: ElbLoadBalancer = {
      region: ctx.region,
      loadBalancerName: name,
      arn: `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/${name}`,
      type: 'classic',
      scheme: lb.Scheme,
      dnsName: lb.DNSName,
      vpcId: lb.VPCId,
      availabilityZones: lb.AvailabilityZones ?? [],
      createdTime: isoDate(lb.CreatedTime),
      securityGroupIds: lb.SecurityGroups ?? [],
      listeners: (lb.ListenerDescriptions ?? []).map(classicListener),
      accessLogsEnabled,
      healthyTargets: health?.healthy,
      registeredTargets: health?.total,
      tags: tagsOf(name, tags, fieldErrors),
    };
    return Object.keys(fieldErrors).length > 0 ? { ...record, fieldErrors } : record;
  });
  for (const lb of pending) yield await lb;
}
